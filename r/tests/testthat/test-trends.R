test_that("trends of the shipped data: path and data.frame give the same frame", {
  ds <- extdata("kernindicatoren.csv")
  s <- trends(ds, summary = TRUE)
  row <- s[s$indicator == "jeugdhulp_met_verblijf_pct" & s$region == "NL01", ]
  expect_equal(row$pp_change, -1.5)
  expect_type(s$n_periods, "integer")
  expect_true(is.na(row$age_group))
  frame <- read.csv(ds, colClasses = "character")
  expect_identical(trends(frame, summary = TRUE,
                          breaks = extdata("kernindicatoren.breaks.csv")), s)
  rows <- trends(ds)
  expect_true(all(c("indicator", "region", "period", "value", "status", "prev_period",
                    "abs_change", "rel_change_pct", "pp_change", "note") %in% names(rows)))
  expect_type(rows$value, "double")
  expect_type(rows$status, "character")
})

test_that("trends equal the command's output", {
  ds <- extdata("kernindicatoren.csv")
  expect_same_as_cli(trends(ds), run_cli(c("trends", ds, "--format", "csv")))
  expect_same_as_cli(trends(ds, summary = TRUE),
                     run_cli(c("trends", ds, "--summary", "--format", "csv")))
})

test_that("dataset frames are validated", {
  frame <- read.csv(extdata("kernindicatoren.csv"), colClasses = "character")
  bad <- frame
  bad$value[3] <- "veel"
  expect_error(trends(bad), "<dataset data.frame>:3:.*'veel' is not a number",
               class = "zvdj_invalid_argument")
  bad <- frame
  bad$status[2] <- "?"
  expect_error(trends(bad), "unknown status", class = "zvdj_invalid_argument")
  expect_error(trends(frame[, c("indicator", "region")]), "missing column 'period'",
               class = "zvdj_invalid_argument")
  expect_error(trends("no-such-file.csv"), class = "zvdj_not_found")
})
