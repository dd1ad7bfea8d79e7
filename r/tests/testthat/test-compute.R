test_that("compute: a data.frame gives the same frame as the file", {
  dir <- generated_dir()
  path <- file.path(dir, "jeugdhulp.csv")
  from_file <- compute(path, from = 2016, to = 2019, suppress = 0)
  jh <- read.csv(path, colClasses = "character")
  expect_identical(compute(jeugdhulp = jh, from = 2016, to = 2019, suppress = 0), from_file)
  expect_type(from_file$value, "double")
  expect_true(anyNA(from_file$age_group))
  # Dates as R Dates and factors are accepted too.
  dated <- jh
  for (c in c("birth_date", "start_date", "end_date")) dated[[c]] <- as.Date(dated[[c]])
  dated$form <- factor(dated$form)
  expect_identical(compute(jeugdhulp = dated, from = 2016, to = 2019, suppress = 0),
                   from_file)
})

test_that("compute with every record table equals the command", {
  dir <- generated_dir()
  f <- function(n) file.path(dir, paste0(n, ".csv"))
  frames <- lapply(c("jeugdhulp", "jeugdbescherming", "verzuim", "persons"),
                   function(n) read.csv(f(n), colClasses = "character"))
  got <- compute(jeugdhulp = frames[[1]], jeugdbescherming = frames[[2]],
                 verzuim = frames[[3]], persons = frames[[4]], regions = f("regions"),
                 from = 2017, to = 2019, suppress = 0, threads = 1L)
  want <- run_cli(c("compute", "--jeugdhulp", f("jeugdhulp"), "--jeugdbescherming",
                    f("jeugdbescherming"), "--verzuim", f("verzuim"), "--persons",
                    f("persons"), "--regions", f("regions"), "--from", "2017", "--to",
                    "2019", "--suppress", "0", "--format", "csv"))
  expect_same_as_cli(got, want)
  rounded <- compute(f("jeugdhulp"), from = 2019, to = 2019, round5 = TRUE)
  expect_true(all(rounded$value[!is.na(rounded$value)] %% 5 == 0 |
                    grepl("pct", rounded$indicator[!is.na(rounded$value)])))
})

test_that("bad records are conditions naming the row and column of the frame", {
  jh <- read.csv(file.path(generated_dir(), "jeugdhulp.csv"), colClasses = "character")
  bad <- jh
  bad$start_date[3] <- "2019-13-01"
  err <- tryCatch(compute(bad, from = 2016, to = 2019), error = function(e) e)
  expect_s3_class(err, "zvdj_invalid_argument")
  expect_s3_class(err, "zvdj_error")
  expect_match(conditionMessage(err),
               sprintf("^<jeugdhulp data.frame>:3:%d: month 13", match("start_date", names(jh))))
  expect_match(conditionMessage(err), "(column 'start_date')", fixed = TRUE)
  expect_error(compute(cbind(jh, extra = "x"), from = 2016, to = 2019),
               "unknown column 'extra'", class = "zvdj_invalid_argument")
  expect_error(compute(jh[, setdiff(names(jh), "form")], from = 2016, to = 2019),
               "missing column 'form'", class = "zvdj_invalid_argument")
  expect_error(compute(file.path(tempdir(), "none.csv")), class = "zvdj_not_found")
  expect_error(compute(jh, from = 2016, to = 2019, suppress = -1),
               class = "zvdj_invalid_argument")
})

test_that("a frame with wrong column types is refused", {
  jh <- read.csv(file.path(generated_dir(), "jeugdhulp.csv"), colClasses = "character")
  wrong <- jh
  wrong$birth_date <- seq_len(nrow(jh))
  expect_error(compute(wrong, from = 2016, to = 2019),
               "column 'birth_date' .* has type integer; expected character or Date",
               class = "zvdj_invalid_argument")
  wrong <- jh
  wrong$municipality <- 363
  expect_error(compute(wrong, from = 2016, to = 2019), "column 'municipality'",
               class = "zvdj_invalid_argument")
  ids <- jh
  ids$person_id <- as.integer(factor(jh$person_id))
  expect_s3_class(compute(ids, from = 2016, to = 2019), "data.frame")
})

test_that("compute: the latest-record attribution equals the command's", {
  path <- file.path(generated_dir(), "jeugdhulp.csv")
  got <- compute(path, from = 2018, to = 2019, suppress = 0, attribution = "latest")
  want <- run_cli(c("compute", "--jeugdhulp", path, "--from", "2018", "--to", "2019",
                    "--suppress", "0", "--attribution", "latest", "--format", "csv"))
  expect_same_as_cli(got, want)
  expect_error(compute(path, from = 2018, to = 2019, attribution = "eerste"))
})
