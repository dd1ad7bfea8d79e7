# libzvdj for R: paths or data.frames in, data.frames out, with the columns of
# the zvdj command's CSV output. Everything crosses to the C library through
# .Call, a whole column at a time.


.record_columns <- list(
  jeugdhulp = c("person_id", "birth_date", "municipality", "provider", "form",
                "start_date", "end_date", "end_reason"),
  jeugdbescherming = c("person_id", "birth_date", "municipality", "measure",
                       "start_date", "end_date"),
  verzuim = c("person_id", "birth_date", "municipality", "kind", "start_date",
              "end_date"),
  vervolgzorg = c("person_id", "kind", "start_date", "end_date"),
  persons = c("person_id", "birth_date", "exit_date", "exit_reason"))
.required_columns <- list(
  jeugdhulp = c("person_id", "birth_date", "municipality", "provider", "form",
                "start_date"),
  jeugdbescherming = c("person_id", "birth_date", "municipality", "measure",
                       "start_date"),
  verzuim = c("person_id", "birth_date", "municipality", "kind", "start_date"),
  vervolgzorg = c("person_id", "kind", "start_date"),
  persons = "person_id")
.id_columns <- c("person_id", "provider")
.status_codes <- c("", "*", "**", ".", "x", "-")
.fixed_dataset_columns <- c("indicator", "period", "region", "value", "status", "note")

# A condition of class zvdj_<status> (e.g. zvdj_invalid_argument), zvdj_error,
# error, condition, carrying the library's message and status.
zvdj_condition <- function(status, message, code = 3L, call = NULL) {
  structure(class = c(paste0("zvdj_", tolower(status)), "zvdj_error", "error",
                      "condition"),
            list(message = message, call = call, status = status, code = code))
}

.stop <- function(status, message, code = 3L) {
  stop(zvdj_condition(status, message, code, sys.call(-1)))
}

.check <- function(result, rewrite = identity) {
  if (inherits(result, "zvdj_failure")) {
    stop(zvdj_condition(result$status, rewrite(result$message), result$code,
                        sys.call(-1)))
  }
  result
}

.frame <- function(cols) {
  # Rows as they come; row names 1..n without copying the columns.
  n <- if (length(cols)) length(cols[[1]]) else 0L
  attr(cols, "row.names") <- .set_row_names(n)
  class(cols) <- "data.frame"
  cols
}

.is_path <- function(x) is.character(x) && length(x) == 1L && !is.na(x)

.is_date_column <- function(name) grepl("(_date|^date)$", name)

# One column of a record frame as the C side takes it: character (NA = empty)
# or Date. Other types are an error naming the column.
.record_column <- function(x, name, position, source) {
  if (inherits(x, "Date")) return(x)
  if (inherits(x, "POSIXt")) return(as.Date(x))
  if (is.factor(x)) return(as.character(x))
  if (is.character(x)) return(x)
  if (is.logical(x) && all(is.na(x))) return(as.character(x))
  if (is.numeric(x) && name %in% .id_columns && all(x == round(x), na.rm = TRUE)) {
    return(format(x, scientific = FALSE, trim = TRUE))
  }
  .stop("INVALID_ARGUMENT", sprintf(
    "%s: column '%s' (column %d) has type %s; expected %s", source, name, position,
    class(x)[1], if (.is_date_column(name)) "character or Date" else "character"))
}

# "jeugdhulp[3]: reason (field 'x')" -> "<source>:4:<col>: reason (column 'x')":
# rows of the frame counted from 1, columns by their position in the frame.
.row_message <- function(message, source, columns) {
  m <- regmatches(message, regexec("^\\w+\\[([0-9]+)\\]: (.*?)( \\(field '(\\w+)'\\))?$",
                                   message))[[1]]
  if (length(m) == 0L) return(message)
  where <- paste0(source, ":", as.integer(m[2]) + 1L)
  tail <- m[3]
  if (nzchar(m[5])) {
    pos <- match(m[5], columns)
    if (!is.na(pos)) where <- paste0(where, ":", pos)
    tail <- sprintf("%s (column '%s')", tail, m[5])
  }
  paste0(where, ": ", tail)
}

.add_frame <- function(records, table, frame) {
  source <- sprintf("<%s data.frame>", table)
  columns <- names(frame)
  order <- .record_columns[[table]]
  unknown <- setdiff(columns, order)
  if (length(unknown)) {
    .stop("INVALID_ARGUMENT", sprintf("%s: unknown column '%s' in %s (expected: %s)",
                                      source, unknown[1], table,
                                      paste(order, collapse = ", ")))
  }
  missing <- setdiff(.required_columns[[table]], columns)
  if (length(missing)) {
    .stop("INVALID_ARGUMENT", sprintf("%s: missing column '%s' in %s", source, missing[1],
                                      table))
  }
  cols <- lapply(order, function(name) {
    if (!name %in% columns) return(NULL)
    .record_column(frame[[name]], name, match(name, columns), source)
  })
  .check(.Call(zr_records_add, records, table, cols, as.numeric(nrow(frame))),
         function(m) .row_message(m, source, columns))
}

# A record store from paths or data.frames; persons first, so that their birth
# dates are the reference.
.records <- function(tables, threads) {
  records <- .check(.Call(zr_records_new))
  for (table in c("persons", "jeugdhulp", "jeugdbescherming", "verzuim", "vervolgzorg")) {
    x <- tables[[table]]
    if (is.null(x)) next
    if (.is_path(x)) {
      .check(.Call(zr_records_load, records, table, path.expand(x), as.integer(threads)))
    } else if (is.data.frame(x)) {
      .add_frame(records, table, x)
    } else {
      .stop("INVALID_ARGUMENT", sprintf("%s: expected a path or a data.frame, not %s",
                                        table, class(x)[1]))
    }
  }
  records
}

# A dataset for the C side: a path, or the columns of a data.frame in the
# dataset format (notes included).
.dataset_spec <- function(dataset) {
  if (.is_path(dataset)) return(path.expand(dataset))
  if (!is.data.frame(dataset)) {
    .stop("INVALID_ARGUMENT", sprintf("dataset: expected a path or a data.frame, not %s",
                                      class(dataset)[1]))
  }
  source <- "<dataset data.frame>"
  columns <- names(dataset)
  for (c in c("indicator", "period", "value")) {
    if (!c %in% columns) .stop("INVALID_ARGUMENT", sprintf("%s: missing column '%s'",
                                                           source, c))
  }
  n <- nrow(dataset)
  value <- dataset$value
  if (is.character(value) || is.factor(value)) {
    text <- trimws(as.character(value))
    value <- suppressWarnings(as.numeric(text))
    bad <- which(is.na(value) & !is.na(text) & nzchar(text))
    if (length(bad)) {
      .stop("INVALID_ARGUMENT", sprintf("%s:%d:%d: '%s' is not a number (column 'value')",
                                        source, bad[1], match("value", columns), text[bad[1]]))
    }
  } else if (is.numeric(value) || (is.logical(value) && all(is.na(value)))) {
    value <- as.numeric(value)
  } else {
    .stop("INVALID_ARGUMENT", sprintf("%s: column 'value' has type %s; expected numbers",
                                      source, class(value)[1]))
  }
  status <- ifelse(is.na(value), 6L, 0L)  # empty value and status: impossible
  if ("status" %in% columns) {
    symbols <- as.character(dataset$status)
    symbols[is.na(symbols)] <- ""
    codes <- match(symbols, .status_codes) - 1L
    if (anyNA(codes)) {
      r <- which(is.na(codes))[1]
      .stop("INVALID_ARGUMENT", sprintf(
        "%s:%d:%d: unknown status '%s' (expected one of '', *, **, ., x, -) (column 'status')",
        source, r, match("status", columns), symbols[r]))
    }
    status <- ifelse(nzchar(symbols), codes, status)
  }
  text <- function(name) {
    x <- dataset[[name]]
    if (is.factor(x)) x <- as.character(x)
    if (is.logical(x) && all(is.na(x))) x <- as.character(x)
    if (!is.character(x)) {
      .stop("INVALID_ARGUMENT", sprintf("%s: column '%s' has type %s; expected character",
                                        source, name, class(x)[1]))
    }
    x
  }
  region <- if ("region" %in% columns) text("region") else rep("NL01", n)
  region[is.na(region) | !nzchar(region)] <- "NL01"
  dims <- setdiff(columns, .fixed_dataset_columns)
  list(text("indicator"), text("period"), region, value, as.integer(status), dims,
       lapply(dims, text), if ("note" %in% columns) text("note"))
}

.breaks_path <- function(breaks, dataset) {
  if (isFALSE(breaks)) return(NULL)
  if (!is.null(breaks)) return(path.expand(breaks))
  if (.is_path(dataset)) {
    # As the command: <dataset>.breaks.csv next to a dataset file, if present.
    candidate <- paste0(sub("\\.csv$", "", dataset), ".breaks.csv")
    if (file.exists(candidate)) return(candidate)
  }
  NULL
}

.year <- function(x, name) {
  if (is.null(x)) return(NA_integer_)
  if (!is.numeric(x) || length(x) != 1L || is.na(x) || x != round(x)) {
    .stop("INVALID_ARGUMENT", sprintf("%s: expected a year, not '%s'", name,
                                      paste(format(x), collapse = ",")))
  }
  as.integer(x)
}

.date_text <- function(x) {
  if (is.null(x)) return(NULL)
  if (inherits(x, "Date")) return(format(x, "%Y-%m-%d"))
  as.character(x)
}
