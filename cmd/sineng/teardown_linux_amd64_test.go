package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// teardownRole names the part a re-run of this test binary plays in
// TestHandOffTeardown.
const teardownRole = "SINENG_TEARDOWN_ROLE"

// TestHandOffTeardown checks the helper that frees the process's memory
// after its exit, in three processes: this test starts the test binary as
// a reaper (a child subreaper, so that orphans come to it), which starts it
// again as an exiter that touches 64 MiB, hands off its teardown and exits.
// While the exiter lives, its helper must share its memory (its resident
// size counts the 64 MiB), hold one descriptor only and be waiting; after
// the exit, the reaper must adopt and reap it, exited with status 0.
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
	cmd := exec.Command(os.Args[0], "-test.run=^TestHandOffTeardown$")
	cmd.Env = append(os.Environ(), teardownRole+"=reaper")
	out, err := cmd.CombinedOutput()
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
		t.Skipf("no helper started here: %s", reason)
	}
	pid := report["helper"]
	if pid == "" || pid == "0" {
		t.Fatalf("no helper pid in the exiter's report:\n%s", out)
	}
	if got := report["fds"]; got != "1" {
		t.Errorf("helper holds %s descriptors while it waits, want 1 (the pipe)", got)
	}
	if rss, _ := strconv.Atoi(report["rss_kib"]); rss < 64<<10 {
		t.Errorf("helper's resident size is %d KiB, want at least the exiter's 64 MiB (shared memory)", rss)
	}
	if got := report["state"]; got != "S" {
		t.Errorf("helper's state before the exiter exits is %q, want S (waiting)", got)
	}
	if got := report["reaped"]; got != pid {
		t.Errorf("reaper reaped %q, want the helper %s", got, pid)
	}
	if got := report["status"]; got != "0" {
		t.Errorf("helper exited with %q, want 0", got)
	}
}

// teardownExiter touches 64 MiB, hands off its teardown, reports on the
// helper from /proc and exits.
func teardownExiter() {
	mem := make([]byte, 64<<20)
	for i := 0; i < len(mem); i += 4096 {
		mem[i] = 1
	}
	pid := handOffTeardown()
	if pid == 0 {
		fmt.Println("none=clone3 refused or unavailable")
		fmt.Println("end=")
		os.Exit(0)
	}
	fmt.Printf("helper=%d\n", pid)
	dir := fmt.Sprintf("/proc/%d", pid)
	fds := -1
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		ents, err := os.ReadDir(dir + "/fd")
		if err == nil && len(ents) == 1 {
			fds = 1
			break
		}
		fds = len(ents)
	}
	fmt.Printf("fds=%d\n", fds)
	time.Sleep(50 * time.Millisecond) // the helper keeps waiting
	status, _ := os.ReadFile(dir + "/status")
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			fmt.Printf("rss_kib=%s\n", strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
		if v, ok := strings.CutPrefix(line, "State:"); ok {
			fmt.Printf("state=%s\n", strings.Fields(v)[0])
		}
	}
	fmt.Println("end=")
	runtime.KeepAlive(mem)
	os.Exit(0)
}

// teardownReaper becomes a child subreaper, runs an exiter, waits for the
// helper it left behind (at most 10 s) and prints the exiter's report and
// the helper's end.
func teardownReaper() {
	const prSetChildSubreaper = 36
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0); errno != 0 {
		fmt.Printf("none=prctl: %v\n", errno)
		os.Exit(0)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHandOffTeardown$")
	cmd.Env = append(os.Environ(), teardownRole+"=exiter")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Println("error=", err)
		os.Exit(1)
	}
	if err := cmd.Start(); err != nil {
		fmt.Println("error=", err)
		os.Exit(1)
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
