# Regenerates the R survival reference files used by tests/survival_test.cc:
#   Rscript tests/r/survival_reference.R [OUTDIR]
# (default OUTDIR: tests/data/survival_reference, relative to the repository
# root). Each case is a random cohort (ties, censoring, 2-3 competing event
# types, n 50-500) written as <case>_input.csv (time, status), and
# <case>_expected.csv with summary(fit, times = ...) of
#   survfit(Surv(time, factor(status)) ~ 1)      method "aj" (state 0 = event-free)
#   survfit(Surv(time, status == k) ~ 1)         method "km" (state k)
# for the log, log-log and plain confidence intervals.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "tests/data/survival_reference"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

make_case <- function(seed, n, k, integer_times, zero_times) {
  set.seed(seed)
  if (integer_times) {
    # Heaped day-level data: many ties, also between event types.
    time <- sample(0:240, n, replace = TRUE)
    if (!zero_times) time <- pmax(time, 1)
    heap <- runif(n) < 0.15
    time[heap] <- sample(c(30, 91, 183), sum(heap), replace = TRUE)
  } else {
    time <- round(rexp(n, 1 / 60), 2) + 0.01
  }
  status <- sample(0:k, n, replace = TRUE, prob = c(0.35, rep(0.65 / k, k)))
  data.frame(time = time, status = status)
}

cases <- list(
  list(seed = 1, n = 50, k = 2, int = TRUE, zero = FALSE),
  list(seed = 2, n = 120, k = 3, int = TRUE, zero = TRUE),
  list(seed = 3, n = 200, k = 2, int = TRUE, zero = FALSE),
  list(seed = 4, n = 350, k = 3, int = TRUE, zero = TRUE),
  list(seed = 5, n = 500, k = 3, int = TRUE, zero = FALSE),
  list(seed = 6, n = 80, k = 2, int = FALSE, zero = FALSE),
  list(seed = 7, n = 300, k = 3, int = FALSE, zero = FALSE)
)

index <- c("case,seed,n,k")
for (cs in cases) {
  name <- sprintf("case%d", cs$seed)
  d <- make_case(cs$seed, cs$n, cs$k, cs$int, cs$zero)
  writeLines(c("time,status", paste(num(d$time), d$status, sep = ",")),
             file.path(outdir, paste0(name, "_input.csv")))
  times <- c(0, 1, 15, 29, 30, 45.5, 90, 91, 182, 183, 239, max(d$time), max(d$time) + 10)
  times <- sort(unique(times))
  rows <- c("method,state,conf_type,time,estimate,std_err,lower,upper,n_risk")
  for (ct in c("log", "log-log", "plain")) {
    fit <- survfit(Surv(time, factor(status, 0:cs$k)) ~ 1, data = d, conf.type = ct)
    s <- summary(fit, times = times, extend = TRUE)
    for (st in 0:cs$k) {
      j <- st + 1
      rows <- c(rows, paste("aj", st, ct, num(s$time), num(s$pstate[, j]), num(s$std.err[, j]),
                            num(s$lower[, j]), num(s$upper[, j]), s$n.risk[, 1], sep = ","))
    }
    for (st in 1:cs$k) {
      km <- survfit(Surv(time, status == st) ~ 1, data = d, conf.type = ct)
      sk <- summary(km, times = times, extend = TRUE)
      rows <- c(rows, paste("km", st, ct, num(sk$time), num(sk$surv), num(sk$std.err),
                            num(sk$lower), num(sk$upper), sk$n.risk, sep = ","))
    }
  }
  writeLines(rows, file.path(outdir, paste0(name, "_expected.csv")))
  index <- c(index, sprintf("%s,%d,%d,%d", name, cs$seed, cs$n, cs$k))
}
writeLines(index, file.path(outdir, "cases.csv"))
cat(sprintf("wrote %d cases to %s (survival %s)\n", length(cases), outdir,
            as.character(packageVersion("survival"))))
