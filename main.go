// Command keystone is the Keystone (基石) desktop app and its command line.
// This file only wires: the embedded UI, the desktop window, the commands.
package main

import (
	"embed"
	"io/fs"
	"os"

	"keystone/app/cli"
	"keystone/app/desktop"
	"keystone/core/fault"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	ui, err := fs.Sub(assets, "frontend/dist")
	if err != nil {
		panic(err)
	}
	problem := func(code fault.Code, message, _ string) error {
		return desktop.ShowProblem(desktop.ProblemFor(code, message))
	}
	os.Exit(cli.Run(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Assets: ui, Icon: icon,
		Desktop: desktop.Run, Problem: problem}))
}
