// Package rawfile reads and writes whole regular files with bare system
// calls where the platform has them.
//
// os.Open and os.OpenFile try to register every file with the runtime's
// network poller, which for a regular file on Linux costs four fcntl calls
// and a failing epoll_ctl: half of the calls of reading or writing a small
// page. A build opens every content file twice and writes every output file
// once, so the hot paths of generator/content and generator/output go
// through this package. Elsewhere the functions fall back to package os.
//
// Every function is a method of Calls, which For picks for a tree: on a
// file system held in memory (tmpfs, ramfs) the calls keep the thread's
// processor instead of announcing that they may block (see Calls).
package rawfile
