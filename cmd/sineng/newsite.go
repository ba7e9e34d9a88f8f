package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// starter is the content of a new site; the theme is the embedded default
// theme, so the site builds without any other file.
var starter = []struct{ path, text string }{
	{"site.toml", `title = "我们的社区领袖计划"
baseURL = "https://example.org/"
theme = "default"
defaultLanguage = "zh"
paginate = 10

[taxonomies]
tag = "tags"
skill = "skills"

[languages.zh]
languageName = "中文"
languageCode = "zh-Hans"
weight = 1

[[menu.main]]
name = "首页"
url = "/"
weight = 1

[[menu.main]]
name = "动态"
url = "/news/"
weight = 2
`},
	{"content/_index.md", `+++
title = "我们的社区领袖计划"
+++

欢迎！这里记录社区领袖从启能、赋能、展能到传能的成长。
`},
	{"content/news/_index.md", `+++
title = "动态"
+++
`},
	{"content/news/hello.md", `+++
title = "第一篇动态"
date = 2026-01-01
tags = ["公告"]
+++

用 Markdown 写作，运行 ` + "`sineng build`" + ` 生成网站。
`},
	{"static/.keep", ""},
	{"layouts/.keep", ""},
}

// newSite writes a starter site into dir, which must be empty or absent.
func newSite(dir string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	}
	for _, f := range starter {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(f.text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
