# zvdj::compute on a 1M-row jeugdhulp data.frame against the same from the CSV
# path, in one process run (median of `repeat` runs each).
# usage: Rscript bindings_benchmark.R DIR_WITH_JEUGDHULP_CSV [REPEAT] [THREADS]
args <- commandArgs(TRUE)
dir <- args[1]
repeats <- if (length(args) > 1) as.integer(args[2]) else 3L
threads <- if (length(args) > 2) as.integer(args[3]) else 2L
library(zvdj)
path <- file.path(dir, "jeugdhulp.csv")
text <- read.csv(path, colClasses = "character")
dated <- text
for (c in c("birth_date", "start_date", "end_date")) dated[[c]] <- as.Date(dated[[c]])
median_seconds <- function(f) {
  t <- numeric(repeats)
  for (i in seq_len(repeats)) {
    start <- proc.time()[["elapsed"]]
    result <- f()
    t[i] <- proc.time()[["elapsed"]] - start
  }
  list(seconds = median(t), result = result)
}
run <- function(x) compute(x, from = 2016, to = 2019, suppress = 0, threads = threads)
csv <- median_seconds(function() run(path))
frame <- median_seconds(function() run(text))
dates <- median_seconds(function() run(dated))
stopifnot(identical(frame$result, csv$result), identical(dates$result, csv$result))
trend <- median_seconds(function() trends(csv$result))
cat(sprintf("R: %d jeugdhulp rows, %d result rows, %d threads, median of %d\n",
            nrow(text), nrow(csv$result), threads, repeats))
cat(sprintf("R: compute from CSV path          %7.3f s\n", csv$seconds))
cat(sprintf("R: compute from character frame   %7.3f s  (%.2fx)\n", frame$seconds,
            frame$seconds / csv$seconds))
cat(sprintf("R: compute from Date frame        %7.3f s  (%.2fx)\n", dates$seconds,
            dates$seconds / csv$seconds))
cat(sprintf("R: (trends of the result, %d rows: %.3f s)\n", nrow(trend$result),
            trend$seconds))
