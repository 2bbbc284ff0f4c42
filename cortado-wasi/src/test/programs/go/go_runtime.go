// A Go program built with GOOS=wasip1: prints its arguments and an environment variable, sleeps
// (Go's scheduler waits with poll_oneoff), runs goroutines over a channel, exits with a code.
package main

import (
	"fmt"
	"os"
	"strings"
	"time"
)

func main() {
	fmt.Printf("args=%s\n", strings.Join(os.Args, ","))
	fmt.Printf("GO_TEST=%s\n", os.Getenv("GO_TEST"))
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	fmt.Printf("slept=%v\n", time.Since(start) >= 20*time.Millisecond)
	results := make(chan int)
	for i := 1; i <= 3; i++ {
		go func(n int) { results <- n * n }(i)
	}
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-results
	}
	fmt.Printf("sum=%d\n", sum)
	fmt.Fprintln(os.Stderr, "done")
	os.Exit(7)
}
