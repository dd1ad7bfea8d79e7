#include "cli/command.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <filesystem>
#include <iostream>
#include <iterator>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "zvdj/core/csv_reader.h"
#include "zvdj/limits.hpp"

namespace zvdj::cli {

absl::StatusOr<Args> Args::Parse(const std::vector<std::string>& argv,
                                 const std::vector<Flag>& flags) {
  std::set<std::string> value_flags, bool_flags;
  for (const Flag& f : flags) (f.value ? value_flags : bool_flags).insert(f.name);
  return Parse(argv, value_flags, bool_flags);
}

absl::StatusOr<Args> Args::Parse(const std::vector<std::string>& argv,
                                 const std::set<std::string>& value_flags,
                                 const std::set<std::string>& bool_flags) {
  Args a;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg.size() > 2 && arg.compare(0, 2, "--") == 0) {
      std::string name = arg.substr(2);
      std::optional<std::string> value;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
      }
      if (value_flags.count(name)) {
        if (!value) {
          if (i + 1 >= argv.size()) {
            return absl::InvalidArgumentError(absl::StrFormat("--%s needs a value", name));
          }
          value = argv[++i];
        }
        a.values_[name] = *value;
      } else if (bool_flags.count(name) && !value) {
        a.bools_.insert(name);
      } else if (bool_flags.count(name)) {
        return absl::InvalidArgumentError(absl::StrFormat("--%s takes no value", name));
      } else {
        return absl::InvalidArgumentError(absl::StrFormat("unknown option --%s", name));
      }
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return absl::InvalidArgumentError(absl::StrFormat("unknown option %s", arg));
    } else {
      a.positional_.push_back(arg);
    }
  }
  return a;
}

std::optional<std::string> Args::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::GetOr(const std::string& name, std::string fallback) const {
  auto v = Get(name);
  return v ? *v : fallback;
}

bool Args::Has(const std::string& name) const {
  return bools_.count(name) > 0 || values_.count(name) > 0;
}

namespace {
std::map<std::string, Command>& Registry() {
  static auto* r = new std::map<std::string, Command>();
  return *r;
}
const std::ostream* g_stdout = nullptr;
}  // namespace

bool RegisterCommand(const Command& command) {
  Registry()[command.name] = command;
  return true;
}

const std::map<std::string, Command>& Commands() { return Registry(); }

std::string HelpText(const Command& command) {
  std::string text = absl::StrCat("usage: ", command.synopsis, "\n\n", command.description,
                                  "\n\noptions:\n");
  std::vector<Flag> flags = command.flags;
  flags.push_back({"help", nullptr, "this help (also -h)"});
  size_t width = 0;
  std::vector<std::string> heads;
  for (const Flag& f : flags) {
    heads.push_back(absl::StrCat("--", f.name, f.value ? " " : "", f.value ? f.value : ""));
    width = std::max(width, heads.back().size());
  }
  for (size_t i = 0; i < flags.size(); ++i) {
    absl::StrAppend(&text, "  ", heads[i], std::string(width - heads[i].size() + 2, ' '),
                    flags[i].help, "\n");
  }
  absl::StrAppend(&text,
                  "\nexit status: 0 done, 1 could not write or other runtime failure, "
                  "2 bad input or usage\n");
  return text;
}

std::string EscapeControl(absl::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && !(keep_newlines && c == '\n')) || u == 0x7f) {
      absl::StrAppend(&out, absl::StrFormat("\\x%02x", u));
    } else {
      out += c;
    }
  }
  return out;
}

int ReportError(std::ostream& err, std::string_view command, const absl::Status& status) {
  err << "zvdj " << command << ": " << EscapeControl(status.message(), true) << '\n';
  // A failed write is a runtime failure whatever its code (a read-only folder
  // is PermissionDenied, a full disk DataLoss).
  if (absl::StartsWith(status.message(), "cannot write ")) return kExitFailure;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kDataLoss:
      return kExitBadInput;
    default:
      return kExitFailure;
  }
}

int UsageError(std::ostream& err, std::string_view command, absl::string_view message) {
  err << "zvdj " << command << ": " << EscapeControl(message, true) << "\n(see 'zvdj "
      << command << " --help')\n";
  return kExitBadInput;
}

void SetStdoutStream(const std::ostream* out) { g_stdout = out; }

std::string DefaultFormat(const std::ostream& out) {
  return (&out == g_stdout || &out == &std::cout) && isatty(STDOUT_FILENO) ? "table" : "csv";
}

absl::StatusOr<std::string> OutputFormat(const Args& args, const std::ostream& out,
                                         const std::vector<std::string>& allowed) {
  const std::string f = args.GetOr("format", DefaultFormat(out));
  for (const std::string& a : allowed) {
    if (f == a) return f;
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "--format: '%s' (expected %s)", f, absl::StrJoin(allowed, ", ")));
}

absl::Status CheckInputPath(const std::string& path) {
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": is a directory (expected a file, or - for standard input)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadInput(const std::string& path) {
  if (absl::Status s = CheckInputPath(path); !s.ok()) return s;
  // "-" is standard input, read within the same limits as a file.
  return internal::ReadFileToString(path);
}

absl::StatusOr<RegionNames> LoadRegionNames(const std::string& path) {
  RegionNames names = RegionNames::BuiltIn();
  if (path.empty()) return names;
  absl::StatusOr<RegionMap> map = RegionMap::Load(path);
  if (!map.ok()) return map.status();
  names.Merge(map->names());
  return names;
}

std::vector<std::string> CommaList(absl::string_view text) {
  return absl::StrSplit(text, ',', absl::SkipEmpty());
}

}  // namespace zvdj::cli
