// Package leak scans written output bytes for personal data that must never
// be published: the last line of defence behind the audience rules. The
// audience package decides what a build may show; this package checks, after
// the fact, that nothing it should have hidden got through anyway.
//
// A Scanner is built once from Rules and is then read-only: it is safe for
// concurrent use by any number of goroutines. Scan works on bytes as they
// are, without decoding HTML, in a few linear passes with no regular
// expressions: one for digit runs, one for '@' (and "mailto:"), and one
// Aho–Corasick automaton for the roster. ScanDir runs Scan over the text
// files of a built site with a fixed pool of workers and returns findings in
// a deterministic order. The package reads files but never writes any.
//
// # What is detected, and the guard against false positives
//
// Digits are read as chains: runs of ASCII digits joined by a single space or
// hyphen ("138 0013 8000"). A chain whose first digit follows an ASCII letter,
// or whose last digit is followed by one, is not a number at that end
// ("a138…", "…000px"). A run directly after "digit." or directly before
// ".digit" is part of a decimal number (0.3800138000…) and is not a
// candidate at that end either.
//
//   - Resident ID number (id-number): 18 characters, 17 digits and a check
//     character (a digit or X/x) as one run. Guards: the check character must
//     match GB 11643 (ISO 7064 MOD 11-2, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5
//     8 4 2, check map "10X98765432"); the birth date in characters 7–14 must
//     be a real calendar date from 1900 to 2100; the region code must start
//     with 1–9; and the run must not touch another ASCII digit or letter. A
//     number that fails any of these is not an ID.
//   - Mainland mobile number (mobile): 1[3-9] and nine more digits, as one run
//     of 11 or in 3-4-4 groups joined by one kind of separator ("138-0013-8000"),
//     optionally after a 86, +86 or 0086 prefix (written as part of the run or
//     as its own group). Guards: a run of any other length is not a phone, so
//     no phone is found inside an ID number, a bank card or a 12-digit run; a
//     3-4-4 group is not a phone when a further group is joined to it by the
//     same separator (it is then part of a longer grouped number).
//   - E-mail address (email): local@domain.tld, the local part made of ASCII
//     letters, digits and . _ % + -, the domain of at least two labels of
//     letters, digits and hyphens, the last label (the TLD) of two or more
//     letters. Guards: a TLD that is a file extension (png, jpg, jpeg, gif,
//     svg, webp, avif, bmp, ico, tif, tiff, css, js, mjs, json, xml, html,
//     htm, txt, csv, pdf, woff, ttf, otf, webm, map) is a file name such as
//     image@2x.png, not an address; addresses on Rules.AllowEmails are not
//     findings (compared without regard to case; an entry "@example.org"
//     allows every address at exactly that domain, not its subdomains), and
//     no digit finding is reported inside an allowed address. A "mailto:" link
//     is also read with its percent-encoding undone, which catches
//     "mailto:jane%40example.org".
//   - Bank card number (bank-card): 16 to 19 digits as one run, or in groups
//     of four joined by one kind of separator with an optional last group of
//     one to three digits ("6222 0200 1234 5678 901"). Guards: the first digit
//     must be 3–6 (the BIN ranges of UnionPay 62, Visa 4, Mastercard 5,
//     Amex/JCB 3); the Luhn check must pass; a run that is a valid ID number
//     is reported as an ID only; a 4-4-4-4 group is not a card when a further
//     group is joined to it by the same separator.
//   - Roster name (roster-name): every occurrence of a name on Rules.Roster,
//     found with one Aho–Corasick automaton over bytes, so the cost does not
//     grow with the number of names. A name containing Han, kana or Hangul is
//     matched as a plain substring. Any other name is matched without regard
//     to ASCII case (and in its all-lower and all-upper forms for other
//     letters) and only on word boundaries: the character before and after
//     must not be a letter, digit, combining mark or underscore of a non-CJK
//     script, so "Ann" is not found in "Anna" but is found in "和Ann一起". A
//     tab, carriage return or line feed matches a space in a name, so a name
//     wrapped across lines in the HTML is still found. Where two names start at
//     the same offset only the longest is reported.
//
// Each Finding carries the masked match, never the full text, so a report can
// be shown in a terminal or CI log without republishing the data: the first
// three and last two characters with eight asterisks between, whatever the
// length ("110********34"; under ten characters only the first and last are
// kept); a roster name as its first character and one asterisk ("张*").
//
// Not detected: numbers split by HTML entities or markup (&nbsp;, <b>),
// numbers written with full-width digits or as HTML numeric entities, ID
// numbers written in groups, addresses obfuscated as "name [at] example.org"
// or "&#64;", roster names broken by markup or by more than one whitespace
// character, and anything inside binary files (images, PDF, fonts).
package leak
