package layout

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sineng/sineng/generator/text"
)

// arith applies one of + - * / % to two template numbers. Two integers give
// an integer (division truncates toward zero); otherwise a float64.
func arith(op byte, a, b any) (any, error) {
	x, err := toNumber(a)
	if err != nil {
		return nil, err
	}
	y, err := toNumber(b)
	if err != nil {
		return nil, err
	}
	if x.isFloat || y.isFloat {
		p, q := x.float(), y.float()
		switch op {
		case '+':
			return p + q, nil
		case '-':
			return p - q, nil
		case '*':
			return p * q, nil
		case '/':
			if q == 0 {
				return nil, errors.New("division by zero")
			}
			return p / q, nil
		}
		return nil, fmt.Errorf("mod needs integers, got %v and %v", a, b)
	}
	p, q := x.i, y.i
	var r int64
	switch op {
	case '+':
		r = p + q
		if (p > 0 && q > 0 && r < 0) || (p < 0 && q < 0 && r >= 0) {
			return nil, errors.New("integer overflow")
		}
	case '-':
		r = p - q
		if (p >= 0 && q < 0 && r < 0) || (p < 0 && q > 0 && r >= 0) {
			return nil, errors.New("integer overflow")
		}
	case '*':
		r = p * q
		if p != 0 && (r/p != q || (p == -1 && q == math.MinInt64)) {
			return nil, errors.New("integer overflow")
		}
	case '/', '%':
		if q == 0 {
			return nil, errors.New("division by zero")
		}
		if op == '/' {
			r = p / q
		} else {
			r = p % q
		}
	}
	return number{i: r}.value(), nil
}

// percent returns a as a share of b in percent, limited to 0..100; 0 when b
// is 0.
func percent(a, b any) (float64, error) {
	x, err := toNumber(a)
	if err != nil {
		return 0, fmt.Errorf("percent: %w", err)
	}
	y, err := toNumber(b)
	if err != nil {
		return 0, fmt.Errorf("percent: %w", err)
	}
	if y.float() == 0 {
		return 0, nil
	}
	return math.Min(100, math.Max(0, x.float()/y.float()*100)), nil
}

// formatNumber writes n with the given number of decimals (rounded to the
// nearest, as strconv rounds the exact binary value) and "," between groups
// of three digits.
func formatNumber(decimals, n any) (string, error) {
	d, err := toInt(decimals)
	if err != nil || d < 0 || d > 20 {
		return "", fmt.Errorf("formatNumber: decimals must be 0..20, got %v", decimals)
	}
	x, err := toNumber(n)
	if err != nil {
		return "", fmt.Errorf("formatNumber: %w", err)
	}
	var s string
	if !x.isFloat {
		s = strconv.FormatInt(x.i, 10)
		if d > 0 {
			s += "." + strings.Repeat("0", d)
		}
	} else {
		if math.IsNaN(x.f) || math.IsInf(x.f, 0) {
			return "", fmt.Errorf("formatNumber: %v is not a finite number", x.f)
		}
		s = strconv.FormatFloat(x.f, 'f', d, 64)
	}
	out := text.GroupDigits(s)
	if strings.Trim(out, "-0.,") == "" {
		out = strings.TrimPrefix(out, "-") // no "-0.00"
	}
	return out, nil
}
