# The exported functions (documented in man/).

trends <- function(dataset, summary = FALSE, breaks = NULL, from = NULL, to = NULL) {
  spec <- .dataset_spec(dataset)
  .frame(.check(.Call(zr_trends, spec, isTRUE(summary), .breaks_path(breaks, dataset),
                      if (is.null(from)) NULL else as.character(from),
                      if (is.null(to)) NULL else as.character(to))))
}

compute <- function(jeugdhulp, jeugdbescherming = NULL, verzuim = NULL, persons = NULL,
                    regions = NULL, herindeling = NULL, from = NULL, to = NULL,
                    suppress = 10, round5 = FALSE, threads = 2L,
                    attribution = c("cbs", "latest")) {
  attribution <- match.arg(attribution)
  if (!is.numeric(suppress) || length(suppress) != 1L || is.na(suppress) || suppress < 0) {
    .stop("INVALID_ARGUMENT", "suppress: expected a whole number >= 0")
  }
  for (p in list(regions, herindeling)) {
    if (!is.null(p) && !.is_path(p)) {
      .stop("INVALID_ARGUMENT", "regions and herindeling: expected paths")
    }
  }
  records <- .records(list(jeugdhulp = jeugdhulp, jeugdbescherming = jeugdbescherming,
                           verzuim = verzuim, persons = persons), threads)
  .frame(.check(.Call(zr_compute, records, c(.year(from, "from"), .year(to, "to")),
                      as.numeric(suppress), isTRUE(round5), as.integer(threads),
                      if (is.null(regions)) NULL else path.expand(regions),
                      if (is.null(herindeling)) NULL else path.expand(herindeling),
                      attribution == "latest")))
}

cohort <- function(jeugdhulp, vervolgzorg = NULL, persons = NULL, year_of_18,
                   horizons = "1m,3m,6m", cutoff = NULL, method = "aj",
                   year_of_18_last = NULL, threads = 2L) {
  years <- c(.year(year_of_18, "year_of_18"),
             if (is.null(year_of_18_last)) 0L else .year(year_of_18_last, "year_of_18_last"))
  records <- .records(list(jeugdhulp = jeugdhulp, vervolgzorg = vervolgzorg,
                           persons = persons), threads)
  .frame(.check(.Call(zr_cohort, records, years, as.character(horizons),
                      .date_text(cutoff), as.character(method))))
}

read_statline <- function(paths, mapping, format = c("odata3", "odata4", "csv")) {
  format <- match.arg(format)
  code <- match(format, c("odata3", "odata4", "csv")) - 1L
  if (is.data.frame(mapping)) {
    names7 <- c("table", "topic", "dimension", "code", "indicator", "dim_name", "dim_value")
    mapping <- lapply(names7, function(n) {
      x <- mapping[[n]]
      if (is.null(x)) rep("", nrow(mapping)) else as.character(x)
    })
  } else if (.is_path(mapping)) {
    mapping <- path.expand(mapping)
  } else {
    .stop("INVALID_ARGUMENT", "mapping: expected a path or a data.frame")
  }
  .frame(.check(.Call(zr_statline, code, path.expand(as.character(paths)), mapping)))
}

factsheet <- function(dataset, dir = NULL, breaks = NULL, title = NULL, region = NULL) {
  spec <- .dataset_spec(dataset)
  out <- .check(.Call(zr_factsheet, spec, if (is.null(dir)) NULL else path.expand(dir),
                      .breaks_path(breaks, dataset), title, region))
  if (is.list(out)) .frame(out) else out
}

generate <- function(dir, persons = 1000, from = 2016, to = 2019, seed = 1) {
  .frame(.check(.Call(zr_generate, path.expand(dir), as.numeric(persons),
                      c(.year(from, "from"), .year(to, "to")), as.numeric(seed))))
}

zvdj_version <- function() .Call(zr_version)
