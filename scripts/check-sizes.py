#!/usr/bin/env python3
"""The size rule of the sources: no function over 120 lines and no file over
900 lines in src/ and include/.

    check-sizes.py [SOURCE_DIR]   check the tree (default: this script's project)
    check-sizes.py --self-test    check that the check finds what it should

Exit status 0 when the tree keeps the rule, 1 when it does not (each violation
on a line of its own, path:line: what), 2 for bad usage.

A function is the body of a brace whose text before it reads like a parameter
list (a closing parenthesis, perhaps followed by const, noexcept, override,
a trailing return type or a constructor's initialisers) and that is not inside
another function: member functions defined in a class count on their own, a
lambda counts as part of the function it is in. Comments, string and
character literals (raw strings too) are blanked first. It is a heuristic
that fits the project's style (clang-format, one declaration per statement),
not a C++ parser.

A function may stay longer when it is in ALLOWED_FUNCTIONS below with its
reason; an entry that matches nothing is an error, so the list cannot go
stale.
"""

import os
import re
import sys
import tempfile

MAX_FUNCTION_LINES = 120
MAX_FILE_LINES = 900
ROOTS = ("src", "include")
EXTENSIONS = (".cc", ".c", ".h", ".hpp")

# Files exempt from the file rule, with the reason.
EXEMPT_FILES = {
    "include/zvdj/zvdj.h": "the C interface: one header by design",
}

# Functions allowed over the limit: (path, function name) -> reason.
ALLOWED_FUNCTIONS = {
}

_CONTROL = re.compile(r"\b(if|for|while|switch|catch)\s*\(.*\)\s*$")
_SIGNATURE = re.compile(
    r"\)\s*(const|override|noexcept|final|mutable|->\s*[\w:<>,\s&*]+)?\s*(:[^;{}]*)?$")


def blank_literals(text):
    """The text with comments and string/character literals emptied (line breaks kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
            continue
        raw = re.match(r'R"([^(\s"\\]{0,16})\(', text[i:i + 20])
        if raw and not (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")):
            end = ")" + raw.group(1) + '"'
            j = text.find(end, i + len(raw.group(0)))
            j = n if j < 0 else j + len(end)
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j
            continue
        # A quote after a letter or digit is a digit separator (1'000), not a literal.
        if c == '"' or (c == "'" and not (i > 0 and text[i - 1].isalnum())):
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def function_name(before):
    """The name before the parameter list that ends `before` ("lambda" for a lambda)."""
    s = re.sub(r"\)\s*(const|override|noexcept|final|mutable|->[^)]*)?\s*(:[^;{}]*)?$", ")",
               before)
    depth = 0
    for k in range(len(s) - 1, -1, -1):
        if s[k] == ")":
            depth += 1
        elif s[k] == "(":
            depth -= 1
            if depth == 0:
                head = s[:k].rstrip()
                if head.endswith("]") or head.endswith("mutable"):
                    return "lambda"
                m = re.search(r"(~?[A-Za-z_][\w:~]*(?:<[^<>]*>)?|operator\W+)$", head)
                return m.group(1) if m else "?"
    return "?"


def long_functions(text, limit):
    """(first line, lines, name) of every function longer than `limit` lines."""
    lines = blank_literals(text).split("\n")
    found = []
    stack = []  # (line, is_function, name)
    for ln, line in enumerate(lines, 1):
        for k, ch in enumerate(line):
            if ch == "{":
                before = (" ".join(lines[max(0, ln - 4):ln - 1]) + " " + line[:k]).strip()
                is_function = bool(_SIGNATURE.search(before)) and not _CONTROL.search(before[-200:])
                stack.append((ln, is_function, function_name(before) if is_function else ""))
            elif ch == "}" and stack:
                start, is_function, name = stack.pop()
                inside_function = any(entry[1] for entry in stack)
                if is_function and not inside_function and ln - start + 1 > limit:
                    found.append((start, ln - start + 1, name))
    return found


def source_files(root):
    for top in ROOTS:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(EXTENSIONS):
                    path = os.path.join(folder, f)
                    yield os.path.relpath(path, root).replace(os.sep, "/"), path


def check(root, allowed=None, exempt=None):
    """The violations in the tree at `root`, one message each."""
    allowed = ALLOWED_FUNCTIONS if allowed is None else allowed
    exempt = EXEMPT_FILES if exempt is None else exempt
    problems = []
    used = set()
    for rel, path in source_files(root):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        count = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        if count > MAX_FILE_LINES and rel not in exempt:
            problems.append(f"{rel}:1: file of {count} lines (limit {MAX_FILE_LINES})")
        for start, length, name in long_functions(text, MAX_FUNCTION_LINES):
            if (rel, name) in allowed:
                used.add((rel, name))
                continue
            problems.append(f"{rel}:{start}: function {name} of {length} lines "
                            f"(limit {MAX_FUNCTION_LINES}); split it, or add it to "
                            f"ALLOWED_FUNCTIONS in scripts/check-sizes.py with the reason")
    for rel, name in sorted(set(allowed) - used):
        problems.append(f"{rel}: ALLOWED_FUNCTIONS names {name}, which is not over "
                        f"{MAX_FUNCTION_LINES} lines (any more): remove the entry")
    return problems


def self_test():
    """The check on small made-up trees: it must pass and fail where it should."""
    def body(n):  # a function of exactly n lines
        return "int F(int a) {\n" + "  a += 1;\n" * (n - 2) + "}\n"

    cases = [
        ("function at the limit", {"src/a.cc": body(MAX_FUNCTION_LINES)}, {}, 0),
        ("function over the limit", {"src/a.cc": body(MAX_FUNCTION_LINES + 1)}, {}, 1),
        ("member function in a class",
         {"include/a.hpp": "class A {\n public:\n  void G() const {\n" + "    x();\n" *
          MAX_FUNCTION_LINES + "  }\n};\n"}, {}, 1),
        ("braces in strings and comments",
         {"src/a.cc": body(MAX_FUNCTION_LINES).replace("a += 1;", 'a += 1; // }', 3)
          .replace("a += 1;", 'g("}}"); c = \'}\';', 3) +
          'const char* k = R"x(}}})x";\n' + body(10)}, {}, 0),
        ("lambda counted with its function",
         {"src/a.cc": "void H() {\n  auto f = [](int x) {\n" + "    x++;\n" *
          (MAX_FUNCTION_LINES - 3) + "  };\n}\n"}, {}, 1),
        ("allowed function", {"src/a.cc": body(MAX_FUNCTION_LINES + 5)},
         {("src/a.cc", "F"): "reason"}, 0),
        ("stale allow-list entry", {"src/a.cc": body(10)}, {("src/a.cc", "F"): "reason"}, 1),
        ("file over the limit", {"src/b.h": "int x;\n" * (MAX_FILE_LINES + 1)}, {}, 1),
        ("exempt file", {"include/zvdj/zvdj.h": "int x;\n" * (MAX_FILE_LINES + 1)}, {}, 0),
        ("other folders are not checked", {"tests/a.cc": body(MAX_FUNCTION_LINES + 1)}, {}, 0),
    ]
    failures = 0
    for name, files, allowed, want in cases:
        with tempfile.TemporaryDirectory() as root:
            for rel, text in files.items():
                path = os.path.join(root, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
            problems = check(root, allowed=allowed)
        if len(problems) != want:
            failures += 1
            print(f"self-test '{name}': {len(problems)} problem(s), expected {want}")
            for p in problems:
                print("  " + p)
    if failures:
        return 1
    print(f"check-sizes self-test: {len(cases)} cases passed")
    return 0


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 2 if len(argv) > 2 else 0
    if len(argv) == 2 and argv[1] == "--self-test":
        return self_test()
    root = argv[1] if len(argv) == 2 else os.path.join(os.path.dirname(__file__), "..")
    if not all(os.path.isdir(os.path.join(root, top)) for top in ROOTS):
        print(f"check-sizes: {root} has no {' and '.join(ROOTS)} folders", file=sys.stderr)
        return 2
    problems = check(root)
    for p in problems:
        print(p)
    if problems:
        print(f"check-sizes: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check-sizes: no function over {MAX_FUNCTION_LINES} lines and no file over "
          f"{MAX_FILE_LINES} lines in {' and '.join(ROOTS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
