// Package archtest holds no code: its test keeps the package picture of
// ARCHITECTURE.md true by failing when a package imports one it must not.
package archtest
