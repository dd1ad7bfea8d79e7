# Writes a random competing-risks data set and times R survival on it:
#   Rscript benchmarks/r_survival_timing.R N SEED OUT.csv [REPS]
# The data: integer days 0..399 (heavy ties, as register data), status 0
# (censored) or one of 3 event types. Timed: survfit(Surv(time, factor(status))
# ~ 1) plus summary(fit, times = c(30, 91, 183)): the same estimates, standard
# errors and intervals as zvdj's CompetingRisksFit (all-cause survival and 3
# cumulative incidences). Prints the fastest of REPS runs.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1]); seed <- as.integer(args[2]); out <- args[3]
reps <- if (length(args) >= 4) as.integer(args[4]) else 3L
set.seed(seed)
d <- data.frame(time = floor(runif(n) * 400), status = floor(runif(n) * 4))
write.csv(d, out, row.names = FALSE, quote = FALSE)
best_elapsed <- Inf; best_cpu <- Inf
for (r in seq_len(reps)) {
  t <- system.time({
    fit <- survfit(Surv(time, factor(status, 0:3)) ~ 1, data = d)
    s <- summary(fit, times = c(30, 91, 183))
  })
  best_elapsed <- min(best_elapsed, t[["elapsed"]])
  best_cpu <- min(best_cpu, t[["user.self"]] + t[["sys.self"]])
}
cat(sprintf("r_elapsed_seconds=%.6f\nr_cpu_seconds=%.6f\n", best_elapsed, best_cpu))
cat(sprintf("r_cif1_183=%.12f\nr_se1_183=%.12f\n", s$pstate[3, 2], s$std.err[3, 2]))
