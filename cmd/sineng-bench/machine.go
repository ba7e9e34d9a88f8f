package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// machineLine describes the machine: CPU model, cores, memory, Go and Hugo
// versions and the date.
func machineLine(hugoVersion string) string {
	return fmt.Sprintf("Machine: %s, %d cores, %s RAM; %s; hugo: %s; %s",
		cpuModel(), runtime.NumCPU(), memTotal(), runtime.Version(), hugoVersion, time.Now().Format("2006-01-02 15:04 MST"))
}

// cpuModel returns the first "model name" of /proc/cpuinfo.
func cpuModel() string {
	v := procField("/proc/cpuinfo", "model name")
	if v == "" {
		return "unknown CPU (" + runtime.GOARCH + ")"
	}
	return v
}

// memTotal returns MemTotal of /proc/meminfo in GB.
func memTotal() string {
	kb, ok := memInfoKB("MemTotal")
	if !ok {
		return "unknown"
	}
	return fmt.Sprintf("%.1f GB", float64(kb)*1024/1e9)
}

// memAvailableMB returns MemAvailable of /proc/meminfo in MB, 0 when
// unknown.
func memAvailableMB() float64 {
	kb, ok := memInfoKB("MemAvailable")
	if !ok {
		return 0
	}
	return kibToMB(kb)
}

// memInfoKB returns the value of key in /proc/meminfo, in KiB (the file's
// "kB"), and whether it could be read.
func memInfoKB(key string) (int64, bool) {
	v := procField("/proc/meminfo", key)
	kb, err := strconv.ParseInt(strings.TrimSuffix(v, " kB"), 10, 64)
	return kb, err == nil
}

// procField returns the value of the first "key: value" line of a /proc file
// whose key is key, "" when there is none.
func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
