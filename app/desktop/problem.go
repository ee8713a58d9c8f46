package desktop

import (
	"html/template"
	"os"
	"strings"
	"testing/fstest"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"keystone/core/fault"
)

// Problem is a reason Keystone cannot open its data, in both languages: the
// store is not open, so the user's language preference is unknown.
type Problem struct {
	Title, TitleZH     string
	Message, MessageZH string
	Detail             string // the data folder, or the technical message
}

var problemPage = template.Must(template.New("p").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><style>
body{margin:0;font:14px/1.6 -apple-system,'Segoe UI','Helvetica Neue',Arial,'Noto Sans','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;
background:#f6f7f9;color:#1f2937;display:flex;align-items:center;justify-content:center;height:100vh}
main{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:28px 32px;max-width:460px;box-shadow:0 4px 16px rgba(0,0,0,.06)}
h1{font-size:17px;margin:0 0 6px} p{margin:0 0 14px;color:#4b5563} code{font-size:12px;color:#6b7280;word-break:break-all}
.mark{width:36px;height:36px;border-radius:9px;background:#1f3a5f;display:flex;align-items:center;justify-content:center;margin-bottom:14px}
.mark i{width:12px;height:18px;background:#f4b942;clip-path:polygon(0 0,100% 0,80% 100%,20% 100%)}
button{margin-top:6px;padding:6px 18px;border-radius:6px;border:0;background:#2f5bb7;color:#fff;font:inherit;cursor:pointer}
</style></head><body><main><div class="mark"><i></i></div>
<h1>{{.TitleZH}}</h1><p>{{.MessageZH}}</p>
<h1>{{.Title}}</h1><p>{{.Message}}</p>
<p><code>{{.Detail}}</code></p>
<button onclick="window.runtime && window.runtime.Quit()" autofocus>关闭 Close</button>
</main></body></html>`))

// ShowProblem opens a small window that says why Keystone cannot start, for
// people who started it from a menu and see no terminal. It blocks until the
// window closes.
func ShowProblem(p Problem) error {
	if os.Getenv("WEBKIT_DISABLE_DMABUF_RENDERER") == "" {
		_ = os.Setenv("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
	}
	var page strings.Builder
	if err := problemPage.Execute(&page, p); err != nil {
		return err
	}
	return wails.Run(&options.App{
		Title:            "Keystone 基石 — " + p.TitleZH,
		Width:            560,
		Height:           420,
		DisableResize:    true,
		AssetServer:      &assetserver.Options{Assets: fstest.MapFS{"index.html": {Data: []byte(page.String())}}},
		BackgroundColour: &options.RGBA{R: 246, G: 247, B: 249, A: 255},
		Linux:            &linux.Options{ProgramName: "keystone"},
	})
}

// ProblemFor words a start-up refusal for the window.
func ProblemFor(code fault.Code, message string) Problem {
	if code == fault.NewerSchema {
		return Problem{TitleZH: "数据由更新版本的基石写入", MessageZH: "请先更新基石，再打开这份数据。",
			Title: "The data was written by a newer Keystone", Message: "Update Keystone to open it.", Detail: message}
	}
	if code == fault.Locked {
		return Problem{TitleZH: "数据正在另一个基石窗口中使用", MessageZH: "请先关闭另一个基石窗口，再重新打开。",
			Title: "The data is open in another Keystone window", Message: "Close the other Keystone window first, then start Keystone again.", Detail: message}
	}
	// Anything else (a damaged key file, an unreadable folder): the reason is
	// in the detail line; the way out is the backup.
	return Problem{TitleZH: "基石无法打开数据文件夹", MessageZH: "原因见下方。数据文件夹未作任何改动；可用命令“keystone restore”把备份恢复到新文件夹。",
		Title: "Keystone cannot open its data folder", Message: "The reason is below. Nothing in the folder was changed; the command “keystone restore” can bring a backup back into a new folder.", Detail: message}
}
