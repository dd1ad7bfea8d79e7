# zvdj::compute on a 1M-row jeugdhulp data.frame against the same from the CSV
# path, in one process run: each round runs the three inputs one after the
# other (in a rotating order), so that a busy machine slows them alike; times
# are medians over `repeat` rounds, ratios medians of each round's ratio.
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
inputs <- list(csv = path, frame = text, dates = dated)
times <- sapply(names(inputs), function(n) numeric(repeats), simplify = FALSE)
results <- list()
for (r in seq_len(repeats)) {
  order <- (seq_along(inputs) + r - 2L) %% length(inputs) + 1L
  for (n in names(inputs)[order]) {
    start <- proc.time()[["elapsed"]]
    results[[n]] <- run(inputs[[n]])
    times[[n]][r] <- proc.time()[["elapsed"]] - start
  }
}
stopifnot(identical(results$frame, results$csv), identical(results$dates, results$csv))
csv <- list(seconds = median(times$csv), result = results$csv)
frame <- list(seconds = median(times$frame), ratio = median(times$frame / times$csv))
dates <- list(seconds = median(times$dates), ratio = median(times$dates / times$csv))
trend <- median_seconds(function() trends(csv$result))
cat(sprintf("R: %d jeugdhulp rows, %d result rows, %d threads, median of %d\n",
            nrow(text), nrow(csv$result), threads, repeats))
cat(sprintf("R: compute from CSV path          %7.3f s\n", csv$seconds))
cat(sprintf("R: compute from character frame   %7.3f s  (%.2fx)\n", frame$seconds,
            frame$ratio))
cat(sprintf("R: compute from Date frame        %7.3f s  (%.2fx)\n", dates$seconds,
            dates$ratio))
cat(sprintf("R: (trends of the result, %d rows: %.3f s)\n", nrow(trend$result),
            trend$seconds))
