test_that("cohort: paths and frames give the command's rows", {
  dir <- generated_dir()
  f <- function(n) file.path(dir, paste0(n, ".csv"))
  got <- cohort(f("jeugdhulp"), vervolgzorg = f("vervolgzorg"), persons = f("persons"),
                year_of_18 = 2017, cutoff = as.Date("2019-12-31"))
  frames <- lapply(c("jeugdhulp", "vervolgzorg", "persons"),
                   function(n) read.csv(f(n), colClasses = "character"))
  expect_identical(cohort(frames[[1]], vervolgzorg = frames[[2]], persons = frames[[3]],
                          year_of_18 = 2017, cutoff = "2019-12-31"), got)
  expect_type(got$n_cohort, "integer")
  expect_true(all(got$estimate >= 0 & got$estimate <= 1, na.rm = TRUE))
  want <- run_cli(c("cohort", "--jeugdhulp", f("jeugdhulp"), "--vervolgzorg",
                    f("vervolgzorg"), "--persons", f("persons"), "--year-of-18", "2017",
                    "--cutoff", "2019-12-31", "--format", "csv"))
  expect_same_as_cli(got, want)
  expect_error(cohort(f("jeugdhulp"), year_of_18 = 2017, horizons = "1y"),
               class = "zvdj_invalid_argument")
})

test_that("read_statline with a mapping file or frame", {
  csv <- extdata("85098NED_download.csv")
  map <- extdata("statline_mapping.csv")
  ds <- read_statline(csv, map, format = "csv")
  expect_gt(nrow(ds), 0)
  expect_true(all(c("indicator", "period", "region", "value", "status") %in% names(ds)))
  m <- read.csv(map, colClasses = "character", comment.char = "#")
  expect_identical(read_statline(csv, m, format = "csv"), ds)
  expect_error(read_statline(file.path(tempdir(), "none.csv"), map, format = "csv"),
               class = "zvdj_not_found")
})

test_that("factsheet from a path or a frame", {
  ds <- extdata("kernindicatoren.csv")
  html <- factsheet(ds, title = "Test")
  expect_match(html, "<svg")
  # The same charts (a frame's note column is not carried to the library).
  from_frame <- factsheet(read.csv(ds, colClasses = "character"), title = "Test",
                          breaks = extdata("kernindicatoren.breaks.csv"))
  count <- function(h) lengths(regmatches(h, gregexpr("<svg", h)))
  expect_gt(count(html), 0)
  expect_identical(count(from_frame), count(html))
  dir <- file.path(tempdir(), "zvdj-tests-factsheet")
  report <- factsheet(ds, dir = dir)
  expect_true("html" %in% report$kind)
  expect_true(file.exists(file.path(dir, "index.html")))
})

test_that("generate writes the record files", {
  dir <- file.path(tempdir(), "zvdj-tests-generate")
  s <- generate(dir, persons = 50, from = 2019, to = 2019)
  expect_true(all(file.exists(file.path(dir, basename(s$file)))))
  expect_type(s$rows, "integer")
  expect_error(generate(dir, persons = 0), class = "zvdj_invalid_argument")
})

test_that("the package version is the library's", {
  expect_identical(as.character(packageVersion("zvdj")), zvdj_version())
})
