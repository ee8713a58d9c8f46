// Package desktop opens the Wails window over the services.
package desktop

import (
	"context"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	wailsruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"keystone/app"
)

// Run opens the window and blocks until it closes. An untagged build (no
// `desktop` tag) compiles without cgo and returns Wails' refusal instead.
func Run(a *app.App, assets fs.FS, icon []byte) error {
	// Some GPU drivers paint a blank WebKitGTK window with the DMA-BUF renderer.
	if os.Getenv("WEBKIT_DISABLE_DMABUF_RENDERER") == "" {
		_ = os.Setenv("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
	}
	signals := make(chan os.Signal, 1)
	defer signal.Stop(signals)
	return wails.Run(&options.App{
		Title:            "Keystone 基石",
		Width:            1360,
		Height:           860,
		MinWidth:         1024,
		MinHeight:        680,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 251, A: 255},
		Bind:             a.Bindings(),
		ErrorFormatter:   app.FormatError,
		// A logout or `kill` closes the window the normal way, so the caller
		// closes the store cleanly instead of the process dying mid-write.
		OnStartup: func(ctx context.Context) {
			a.Files.SetSaver(saveDialog{ctx})
			signal.Notify(signals, syscall.SIGTERM, os.Interrupt)
			go func() {
				if _, ok := <-signals; ok {
					wailsruntime.Quit(ctx)
				}
			}()
		},
		Linux: &linux.Options{ProgramName: "keystone", Icon: icon, WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand},
	})
}

// saveDialog asks with the native Save dialog, offering the suggested name in
// the user's documents folder.
type saveDialog struct{ ctx context.Context }

func (d saveDialog) AskSavePath(name string) (string, error) {
	opts := wailsruntime.SaveDialogOptions{DefaultFilename: name, CanCreateDirectories: true}
	if ext := filepath.Ext(name); ext != "" {
		opts.Filters = []wailsruntime.FileFilter{{DisplayName: strings.ToUpper(ext[1:]), Pattern: "*" + ext}}
	}
	if home, err := os.UserHomeDir(); err == nil {
		opts.DefaultDirectory = home
	}
	return wailsruntime.SaveFileDialog(d.ctx, opts)
}

func (d saveDialog) AskOpenPath(patterns []string) (string, error) {
	opts := wailsruntime.OpenDialogOptions{}
	if len(patterns) > 0 {
		opts.Filters = []wailsruntime.FileFilter{{DisplayName: strings.Join(patterns, ", "), Pattern: strings.Join(patterns, ";")}}
	}
	if home, err := os.UserHomeDir(); err == nil {
		opts.DefaultDirectory = home
	}
	return wailsruntime.OpenFileDialog(d.ctx, opts)
}

func (d saveDialog) AskFolder() (string, error) {
	opts := wailsruntime.OpenDialogOptions{CanCreateDirectories: true}
	if home, err := os.UserHomeDir(); err == nil {
		opts.DefaultDirectory = home
	}
	return wailsruntime.OpenDirectoryDialog(d.ctx, opts)
}
