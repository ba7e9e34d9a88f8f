package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// teardownRole names the part a re-run of this test binary plays in
// TestHandOffTeardown.
const teardownRole = "SINENG_TEARDOWN_ROLE"

// teardownTimeout bounds each process of TestHandOffTeardown, so that a
// broken helper fails the test instead of hanging it.
const teardownTimeout = 60 * time.Second

// TestHandOffTeardown checks the helper that frees the process's memory
// after its exit, in three processes: this test starts the test binary as
// a reaper (a child subreaper, so that orphans come to it), which starts it
// again as an exiter that hands off its teardown and exits. While the
// exiter lives, its helper must share its memory (its resident size grows
// with 64 MiB the exiter touches after the helper started, which a copy
// of the memory would not), hold one descriptor, a pipe, and still be
// waiting just before the exiter exits; after the exit, the reaper must
// adopt and reap it, exited with status 0.
func TestHandOffTeardown(t *testing.T) {
	switch os.Getenv(teardownRole) {
	case "exiter":
		teardownExiter()
	case "reaper":
		teardownReaper()
	}
	if testing.Short() {
		t.Skip("starts processes")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*teardownTimeout)
	defer cancel()
	out, err := teardownCmd(ctx, "reaper").CombinedOutput()
	if err != nil {
		t.Fatalf("reaper: %v\n%s", err, out)
	}
	report := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			report[k] = v
		}
	}
	t.Logf("%s", out)
	if reason, ok := report["none"]; ok {
		t.Skipf("no helper here: %s", reason)
	}
	pid := report["helper"]
	if pid == "" || pid == "0" {
		t.Fatalf("no helper pid in the exiter's report:\n%s", out)
	}
	if got := report["fds"]; got != "pipe" {
		t.Errorf("helper's descriptors while it waits: %s, want one pipe", got)
	}
	before, _ := strconv.Atoi(report["rss_kib"])
	after, _ := strconv.Atoi(report["rss_after_kib"])
	if after-before < 60<<10 {
		t.Errorf("helper's resident size went from %d to %d KiB while the exiter touched 64 MiB more, want it to grow with it (shared memory)", before, after)
	}
	if got := report["state"]; got != "S" {
		t.Errorf("helper's state just before the exiter exits is %q, want S (waiting)", got)
	}
	if got := report["reaped"]; got != pid {
		t.Errorf("reaper reaped %q, want the helper %s", got, pid)
	}
	if got := report["status"]; got != "0" {
		t.Errorf("helper exited with %q, want 0", got)
	}
}

// teardownCmd runs this test binary's TestHandOffTeardown in role.
func teardownCmd(ctx context.Context, role string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHandOffTeardown$")
	cmd.Env = append(os.Environ(), teardownRole+"="+role)
	cmd.WaitDelay = time.Second
	return cmd
}

// TestTeardownBufferReadOnly checks that the buffer the helper reads into
// lies in a mapping of the binary that cannot be written (no "wr" among its
// VmFlags in smaps).
func TestTeardownBufferReadOnly(t *testing.T) {
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps")
	}
	addr := uint64(uintptr(unsafe.Pointer(unsafe.StringData(readOnlyByte))))
	for _, m := range smapsMappings(string(smaps)) {
		if addr >= m.lo && addr < m.hi {
			if slices.Contains(m.flags, "wr") {
				t.Errorf("buffer at %#x is in a writable mapping %#x-%#x (VmFlags %v)", addr, m.lo, m.hi, m.flags)
			}
			return
		}
	}
	t.Errorf("buffer at %#x is in no mapping of /proc/self/smaps", addr)
}

// procStatusField returns the first word of a field (such as "VmRSS" or
// "State") of the /proc/PID/status file in dir, or "".
func procStatusField(dir, field string) string {
	status, _ := os.ReadFile(dir + "/status")
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			if f := strings.Fields(v); len(f) > 0 {
				return f[0]
			}
		}
	}
	return ""
}

// teardownExiter hands off its teardown, reports on the helper from /proc
// and exits.
func teardownExiter() {
	// A kernel without close_range gets a helper that leaves at once.
	// Closing the range of the one descriptor number no process has
	// asks whether the call exists and closes nothing.
	const sysCloseRange, maxFD = 436, 1<<32 - 1
	if _, _, errno := syscall.Syscall(sysCloseRange, maxFD, maxFD, 0); errno != 0 {
		fmt.Printf("none=close_range: %v\nend=\n", errno)
		os.Exit(0)
	}
	pid := handOffTeardown()
	if pid == 0 {
		fmt.Println("none=clone3 refused or unavailable\nend=")
		os.Exit(0)
	}
	fmt.Printf("helper=%d\n", pid)
	dir := fmt.Sprintf("/proc/%d", pid)
	ents, err := os.ReadDir(dir + "/fd")
	if err != nil {
		fmt.Printf("none=cannot read %s/fd: %v\nend=\n", dir, err)
		os.Exit(0)
	}
	var fds []string
	for _, e := range ents {
		target, _ := os.Readlink(dir + "/fd/" + e.Name())
		fds = append(fds, strings.SplitN(target, ":", 2)[0])
	}
	fmt.Printf("fds=%s\n", strings.Join(fds, ","))
	fmt.Printf("rss_kib=%s\n", procStatusField(dir, "VmRSS"))
	mem := make([]byte, 64<<20)
	for i := 0; i < len(mem); i += 4096 {
		mem[i] = 1
	}
	fmt.Printf("rss_after_kib=%s\n", procStatusField(dir, "VmRSS"))
	time.Sleep(300 * time.Millisecond) // the helper keeps waiting
	fmt.Printf("state=%s\n", procStatusField(dir, "State"))
	fmt.Println("end=")
	runtime.KeepAlive(mem)
	os.Exit(0)
}

// teardownReaper becomes a child subreaper, runs an exiter, waits for the
// helper it left behind and prints the exiter's report and the helper's
// end.
func teardownReaper() {
	const prSetChildSubreaper = 36
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0); errno != 0 {
		fmt.Printf("none=prctl: %v\n", errno)
		os.Exit(0)
	}
	ctx, cancel := context.WithTimeout(context.Background(), teardownTimeout)
	defer cancel()
	cmd := teardownCmd(ctx, "exiter")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Println("error=", err)
		os.Exit(1)
	}
	if err := cmd.Start(); err != nil {
		fmt.Println("error=", err)
		os.Exit(1)
	}
	if f, ok := stdout.(*os.File); ok {
		f.SetReadDeadline(time.Now().Add(teardownTimeout))
	}
	// Read to the exiter's last line, not to the end of file: a helper
	// that kept the exiter's descriptors would hold the pipe open.
	helper := 0
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		line := sc.Text()
		fmt.Println(line)
		if v, ok := strings.CutPrefix(line, "helper="); ok {
			helper, _ = strconv.Atoi(v)
		}
		if line == "end=" {
			break
		}
	}
	if err := cmd.Wait(); err != nil {
		fmt.Println("error=exiter:", err)
		os.Exit(1)
	}
	if helper == 0 {
		os.Exit(0)
	}
	done := make(chan string, 1)
	go func() {
		var ws syscall.WaitStatus
		got, err := syscall.Wait4(helper, &ws, 0, nil)
		if err != nil {
			done <- fmt.Sprintf("reaped=error %v", err)
			return
		}
		done <- fmt.Sprintf("reaped=%d\nstatus=%d", got, ws.ExitStatus())
	}()
	select {
	case r := <-done:
		fmt.Println(r)
	case <-time.After(10 * time.Second):
		syscall.Kill(helper, syscall.SIGKILL)
		fmt.Println("reaped=none: the helper was still waiting 10 s after the exiter's exit")
	}
	os.Exit(0)
}
