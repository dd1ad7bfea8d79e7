library(testthat)
library(zvdj)

test_check("zvdj")
