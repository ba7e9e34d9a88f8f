package leak

import (
	"strings"
	"testing"
)

func TestIDNumber(t *testing.T) {
	id := idNumber(t, "11010519491231002") // check character X
	idDigit := idNumberEnding(t, "440305", "19900307", '7')
	idX := idNumberEnding(t, "440305", "19900307", 'X')
	leap := idNumber(t, "33010620000229123")
	bad := id[:17] + "1" // wrong check character; starts with 1, so no card either
	feb31 := idNumber(t, "11010519490231002")
	feb29NoLeap := idNumber(t, "11010519000229002") // 1900 is not a leap year
	y1899 := idNumber(t, "11010518991231002")
	y2101 := idNumber(t, "11010521010101002")
	month13 := idNumber(t, "11010519901301002")
	region0 := idNumber(t, "01010519491231002")
	phoneLike := idNumber(t, "13800119900307123") // first 11 digits read like a mobile number

	runScanCases(t, NewScanner(Rules{}), []scanCase{
		{"alone", id, "id-number@0"},
		{"check digit", idDigit, "id-number@0"},
		{"check X", idX, "id-number@0"},
		{"check lower-case x", strings.ToLower(idX), "id-number@0"},
		{"in Chinese text", "身份证号：" + idDigit + "。", "id-number@15"},
		{"in a table cell", "<td>" + idDigit + "</td>", "id-number@4"},
		{"quoted in JSON", `{"id":"` + idDigit + `"}`, "id-number@7"},
		{"leap day", leap, "id-number@0"},
		{"phone digits inside an ID", phoneLike, "id-number@0"},
		{"joined to a hyphen group", idDigit + "-01", "id-number@0"},

		{"checksum fails", bad, ""},
		{"February 31", feb31, ""},
		{"February 29 of 1900", feb29NoLeap, ""},
		{"born 1899", y1899, ""},
		{"born 2101", y2101, ""},
		{"month 13", month13, ""},
		{"region starts with 0", region0, ""},
		{"digit before", "9" + idDigit, ""},
		{"digit after", idDigit + "8", ""},
		{"letter before", "a" + idDigit, ""},
		{"letter after", idDigit + "b", ""},
		{"X then a letter", idX + "y", ""},
		{"17 digits", idDigit[:17], ""},
		{"decimal fraction", "0." + idDigit, ""},
	})
}

func TestMobile(t *testing.T) {
	runScanCases(t, NewScanner(Rules{}), []scanCase{
		{"plain", "13800138000", "mobile@0"},
		{"second digits 3 and 9", "13012345678 19912345678", "mobile@0 mobile@12"},
		{"in Chinese text", "电话13800138000。", "mobile@6"},
		{"after a colon", "tel:15912345678", "mobile@4"},
		{"spaced 3-4-4", "Call 138 0013 8000 today", "mobile@5"},
		{"hyphenated 3-4-4", "138-0013-8000", "mobile@0"},
		{"+86 joined", "+8613800138000", "mobile@0"},
		{"86 joined", "8613800138000", "mobile@0"},
		{"0086 joined", "008613800138000", "mobile@0"},
		{"+86 then a space", "+86 13800138000", "mobile@0"},
		{"+86 grouped", "+86 138 0013 8000", "mobile@0"},
		{"+86 hyphenated", "+86-138-0013-8000", "mobile@0"},
		{"0086 grouped", "0086 138 0013 8000", "mobile@0"},
		{"after a date", "2024-01-15 13800138000", "mobile@11"},
		{"range of two", "13800138000-13800138001", "mobile@0 mobile@12"},
		{"in an e-mail local part", "13800138000@qq.com", "email@0 mobile@0"},

		{"second digit 2", "12800138000", ""},
		{"second digit 0", "10800138000", ""},
		{"10 digits", "1380013800", ""},
		{"12-digit run", "138001380001", ""},
		{"inside a longer run", "913800138000", ""},
		{"grouped number goes on", "138 0013 8000 1234", ""},
		{"grouped number started earlier", "1234 138 0013 8000", ""},
		{"wrong grouping", "138 00138 000", ""},
		{"mixed separators", "138 0013-8000", ""},
		{"two spaces", "138  0013  8000", ""},
		{"letter before", "a13800138000", ""},
		{"unit after", "13800138000px", ""},
		{"decimal fraction", "0.13800138000", ""},
		{"decimal integer part", "13800138000.5", ""},
		{"86 prefix with bad number", "8612800138000", ""},
	})
}

func TestBankCard(t *testing.T) {
	union16 := cardNumber(t, "622202001234567")
	union19 := cardNumber(t, "622848001234567890")
	visa := cardNumber(t, "411111111111111")
	master17 := cardNumber(t, "5105105105105100")
	bad := union16[:15] + string('0'+(union16[15]-'0'+1)%10)
	starts7 := cardNumber(t, "722202001234567")
	starts1 := cardNumber(t, "122202001234567")
	long20 := cardNumber(t, "6222020012345678901")
	short15 := cardNumber(t, "62220200123456")
	// An ID number that also passes Luhn and starts 3-6 is reported once, as an ID.
	var idCard string
	for seq := 100; seq < 1000 && idCard == ""; seq++ {
		if id := idNumber(t, "310101198805"+"20"+itoa3(seq)); luhnOK(id) {
			idCard = id
		}
	}
	if idCard == "" {
		t.Fatal("no Luhn-valid ID number found for the fixture")
	}

	runScanCases(t, NewScanner(Rules{}), []scanCase{
		{"UnionPay 16", union16, "bank-card@0"},
		{"UnionPay 19", union19, "bank-card@0"},
		{"Visa", visa, "bank-card@0"},
		{"17 digits", master17, "bank-card@0"},
		{"spaced in fours", group(union16, " "), "bank-card@0"},
		{"hyphenated in fours", group(union16, "-"), "bank-card@0"},
		{"19 digits grouped 4-4-4-4-3", group(union19, " "), "bank-card@0"},
		{"in Chinese text", "卡号：" + group(union16, " ") + "。", "bank-card@9"},
		{"valid ID passing Luhn", idCard, "id-number@0"},

		{"Luhn fails", bad, ""},
		{"Luhn fails grouped", group(bad, " "), ""},
		{"starts with 7", starts7, ""},
		{"starts with 1", starts1, ""},
		{"20 digits", long20, ""},
		{"15 digits", short15, ""},
		{"inside a longer run", "0" + union16, ""},
		{"grouped number goes on", group(union16, " ") + " 1234", ""},
		{"grouped number started earlier", "1234 " + group(union16, " "), ""},
		{"mixed separators", union16[:4] + " " + union16[4:8] + "-" + union16[8:12] + " " + union16[12:], ""},
		{"12-digit run", "622202001234", ""},
		{"letter after", union16 + "a", ""},
	})
}

// itoa3 writes n (0–999) as three digits.
func itoa3(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}

func TestCheckFunctions(t *testing.T) {
	if !luhn([]byte("4111111111111111")) || luhn([]byte("4111111111111112")) {
		t.Error("luhn disagrees with the well-known test number 4111 1111 1111 1111")
	}
	if !isIDNumber([]byte("11010519491231002X")) || !isIDNumber([]byte("11010519491231002x")) {
		t.Error("isIDNumber rejects the GB 11643 sample number")
	}
	for _, c := range []struct{ y, m, want int }{{2000, 2, 29}, {1900, 2, 28}, {2024, 2, 29}, {2023, 2, 28}, {2023, 4, 30}, {2023, 12, 31}} {
		if got := daysIn(c.y, c.m); got != c.want {
			t.Errorf("daysIn(%d, %d) = %d, want %d", c.y, c.m, got, c.want)
		}
	}
}
