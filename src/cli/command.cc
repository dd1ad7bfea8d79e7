#include "cli/command.h"

#include <iostream>
#include <iterator>

#include <unistd.h>

#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "zvdj/internal/csv_reader.h"

namespace zvdj::cli {

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
      } else {
        return absl::InvalidArgumentError(absl::StrFormat("unknown option --%s", name));
      }
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
}  // namespace

bool RegisterCommand(const Command& command) {
  Registry()[command.name] = command;
  return true;
}

const std::map<std::string, Command>& Commands() { return Registry(); }

int ReportError(std::ostream& err, std::string_view command, const absl::Status& status) {
  err << "zvdj " << command << ": " << status.message() << '\n';
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kResourceExhausted:
      return kExitBadInput;
    default:
      return kExitFailure;
  }
}

std::string DefaultFormat(const std::ostream& out) {
  return &out == &std::cout && isatty(STDOUT_FILENO) ? "table" : "csv";
}

absl::StatusOr<std::string> ReadInput(const std::string& path) {
  // "-" is standard input, read within the same limits as a file.
  return internal::ReadFileToString(path);
}

}  // namespace zvdj::cli
