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
  # The same page from a frame: its note column (the source notes under the
  # charts) is carried too.
  frame <- read.csv(ds, colClasses = "character")
  expect_true(any(nzchar(frame$note)))
  breaks <- extdata("kernindicatoren.breaks.csv")
  expect_identical(factsheet(frame, title = "Test", breaks = breaks), html)
  without_notes <- factsheet(frame[names(frame) != "note"], title = "Test", breaks = breaks)
  count <- function(h) lengths(regmatches(h, gregexpr("<svg", h)))
  expect_gt(count(html), 0)
  expect_identical(count(without_notes), count(html))
  expect_false(identical(without_notes, html))
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

test_that("frames have exactly the columns of the command's CSV, note included", {
  dir <- generated_dir()
  f <- function(n) file.path(dir, paste0(n, ".csv"))
  ds <- extdata("kernindicatoren.csv")
  breaks <- extdata("kernindicatoren.breaks.csv")
  csv <- extdata("85098NED_download.csv")
  map <- extdata("statline_mapping.csv")
  header <- function(args) names(run_cli(c(args, "--format", "csv")))
  computed <- compute(read.csv(f("jeugdhulp"), colClasses = "character"), from = 2016,
                      to = 2019)
  statline <- read_statline(csv, map, format = "csv")
  cases <- list(
    list(computed, c("compute", "--jeugdhulp", f("jeugdhulp"), "--from", "2016", "--to",
                     "2019")),
    list(trends(ds), c("trends", ds)),
    list(trends(read.csv(ds, colClasses = "character"), summary = TRUE, breaks = breaks),
         c("trends", ds, "--summary")),
    list(cohort(f("jeugdhulp"), vervolgzorg = f("vervolgzorg"), persons = f("persons"),
                year_of_18 = 2017, cutoff = "2019-12-31"),
         c("cohort", "--jeugdhulp", f("jeugdhulp"), "--vervolgzorg", f("vervolgzorg"),
           "--persons", f("persons"), "--year-of-18", "2017", "--cutoff", "2019-12-31")),
    list(statline, c("statline", "--mapping", map, "--input", "csv", "--quiet", csv)))
  for (case in cases) {
    frame <- case[[1]]
    what <- case[[2]][1]
    expect_identical(names(frame), header(case[[2]]), info = what)
    for (name in intersect(c("status", "prev_status"), names(frame))) {
      expect_type(frame[[name]], "character")
      expect_false(anyNA(frame[[name]]), info = paste(what, name))
    }
    counts <- c("n_periods", "mk_s", "year_of_18", "n_cohort", "n_at_risk", "n_events")
    for (name in intersect(counts, names(frame))) {
      expect_type(frame[[name]], "integer")
    }
    if ("age_group" %in% names(frame)) {  # a dimension: the total is NA
      expect_true(anyNA(frame$age_group), info = what)
      expect_false(any(frame$age_group == "", na.rm = TRUE), info = what)
    }
  }
  expect_true(all(statline$note == "CBS StatLine 85098NED"))
  expect_type(computed$value, "double")
  # The statline frame, notes and all, is a dataset frame: written as CSV it
  # reads back as the command's dataset, and trends of both are equal.
  path <- file.path(tempdir(), "zvdj-tests-statline.csv")
  write.csv(statline, path, row.names = FALSE, na = "")
  expect_identical(trends(statline), trends(path))
})
