# Shared data and helpers of the tests.
extdata <- function(name) system.file("extdata", name, package = "zvdj")

# A generated data set, made once per test run.
generated_dir <- local({
  dir <- NULL
  function() {
    if (is.null(dir)) {
      dir <<- file.path(tempdir(), "zvdj-tests-generated")
      generate(dir, persons = 400, from = 2016, to = 2019, seed = 7)
    }
    dir
  }
})

# The zvdj command of the build being tested (ZVDJ_CLI), when there is one.
cli <- function() {
  path <- Sys.getenv("ZVDJ_CLI")
  if (!nzchar(path) || !file.exists(path)) skip("ZVDJ_CLI not set: no zvdj command")
  path
}

# The command's CSV output as a data.frame typed like the package's results.
run_cli <- function(args) {
  out <- system2(cli(), args, stdout = TRUE, stderr = FALSE)
  expect_null(attr(out, "status"))
  read.csv(text = paste(out, collapse = "\n"), colClasses = "character",
           na.strings = character(), check.names = FALSE)
}

# Expects `frame` to hold exactly the command's rows and columns: numbers
# equal, text equal with NA for an empty cell.
expect_same_as_cli <- function(frame, csv) {
  expect_identical(names(frame), names(csv))
  expect_identical(nrow(frame), nrow(csv))
  for (name in names(frame)) {
    got <- frame[[name]]
    want <- csv[[name]]
    if (is.numeric(got)) {
      expect_equal(as.numeric(got), suppressWarnings(as.numeric(want)), tolerance = 0,
                   info = name)
    } else {
      got[is.na(got)] <- ""
      expect_identical(got, want, info = name)
    }
  }
}
