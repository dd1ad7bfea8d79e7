# libzvdj from R without a compiled shim: dyn.load() the shared library and
# call its .C() entry points (zvdj_dotc_*), which read and write CSV files.
#
#   ZVDJ_LIBRARY=build/ci/libzvdj.so Rscript examples/r/trends.R [DATASET.csv]
args <- commandArgs(trailingOnly = TRUE)
dataset <- if (length(args) >= 1) args[1] else "examples/data/kernindicatoren_sample.csv"
lib <- Sys.getenv("ZVDJ_LIBRARY", "build/ci/libzvdj.so")
dyn.load(lib)

zvdj_trends <- function(dataset, breaks = "", summary = TRUE) {
  out <- tempfile(fileext = ".csv")
  on.exit(unlink(out))
  r <- .C("zvdj_dotc_trends", dataset = dataset, breaks = breaks,
          summary = as.integer(summary), output = out,
          status = integer(1), message = strrep(" ", 1000))
  if (r$status != 0) stop("libzvdj: ", trimws(r$message), call. = FALSE)
  read.csv(out, stringsAsFactors = FALSE, na.strings = "")
}

version <- .C("zvdj_dotc_version", v = integer(1))$v
cat(sprintf("libzvdj %d.%d.%d\n", version %/% 10000, version %/% 100 %% 100, version %% 100))
sums <- zvdj_trends(dataset)
for (i in seq_len(nrow(sums))) {
  s <- sums[i, ]
  change <- if (!is.na(s$pp_change)) sprintf("%+.1f pp", s$pp_change) else
    sprintf("%+.0f%%", s$rel_change_pct)
  cat(sprintf("%s %s: %s -> %s: %s (%s)\n", s$indicator,
              ifelse(is.na(s$age_group), "", s$age_group), s$first_period, s$last_period,
              change, s$assessment))
}
# Errors come back with the library's message (file:line:column for bad files).
err <- tryCatch(zvdj_trends("no/such/file.csv"), error = function(e) conditionMessage(e))
cat("error example:", err, "\n")
