package leak

import "testing"

func TestEmail(t *testing.T) {
	runScanCases(t, NewScanner(Rules{}), []scanCase{
		{"plain", "jane.doe@example.org", "email@0"},
		{"in Chinese text", "邮箱：jane@example.com.cn。", "email@9"},
		{"sentence dot left out", "Write to jane@example.org.", "email@9"},
		{"plus and hyphen", "a+b-c@mail.example.co", "email@0"},
		{"upper case", "JANE@EXAMPLE.ORG", "email@0"},
		{"mailto link", `<a href="mailto:jane@example.org">`, "email@16"},
		{"mailto with a query", `mailto:jane@example.org?subject=hi`, "email@7"},
		{"mailto percent-encoded", `<a href="mailto:jane%40example.org">`, "email@16"},
		{"MAILTO percent-encoded, two addresses", `MAILTO:a%40example.org,b%40example.net`, "email@7 email@23"},
		{"two addresses", "a@example.org, b@example.net", "email@0 email@15"},
		{"URL user info", "https://jane@example.org/", "email@8"},

		{"retina image", `<img src="logo@2x.png">`, ""},
		{"retina image, upper-case extension", "icon@3x.WEBP", ""},
		{"script file", "bundle@1x.min.js", ""},
		{"CSS at-rule", "@media (max-width: 600px) {}", ""},
		{"handle", "follow @sineng", ""},
		{"no TLD", "user@localhost", ""},
		{"one-letter TLD", "a@b.c", ""},
		{"numeric TLD", "lib@1.2.3", ""},
		{"empty local part", ".@example.org", ""},
		{"mailto without an address", "mailto:%20", ""},
	})
}

func TestEmailAllowList(t *testing.T) {
	s := NewScanner(Rules{AllowEmails: []string{" Contact@Site.ORG ", "@example.org", "mailto:13800138000@qq.com"}})
	runScanCases(t, s, []scanCase{
		{"allowed address, other case", "contact@site.org", ""},
		{"allowed address in a mailto link", `href="mailto:CONTACT@site.org"`, ""},
		{"allowed address percent-encoded", "mailto:contact%40site.org", ""},
		{"other address at the allowed address's domain", "jane@site.org", "email@0"},
		{"allowed domain", "anyone@Example.org", ""},
		{"subdomain of the allowed domain", "x@mail.example.org", "email@0"},
		{"look-alike domain", "x@example.org.cn", "email@0"},
		{"no phone finding inside an allowed address", "13800138000@qq.com", ""},
		{"phone next to an allowed address", "13800138000 13800138000@qq.com", "mobile@0"},
	})
}
