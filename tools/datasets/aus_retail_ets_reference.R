# Reference for the aus-retail hierarchy: R's forecast::ets fitted to every node on its own (no reconciliation),
# the last 24 months held out, MASE with the seasonal lag 12 averaged per level (Total, State, Industry), as the
# project's `forecast evaluate --format aus-retail` scores its own forecasts. Nodes are built as the project's
# reader builds them: every bottom series (State x Industry) spans the file's first to last month, missing months
# count as zero.
#   Rscript tools/datasets/aus_retail_ets_reference.R aus-retail.csv
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], check.names = FALSE, stringsAsFactors = FALSE)
months <- sort(unique(d$Month))
key <- paste(d$State, d[["Industry"]], sep = "\r")
bottom <- tapply(d$Turnover, list(key, factor(d$Month, levels = months)), sum)
bottom[is.na(bottom)] <- 0
states <- sub("\r.*", "", rownames(bottom))
nodes <- list(Total = list(colSums(bottom)))
nodes$State <- lapply(split(seq_len(nrow(bottom)), states), function(i) colSums(bottom[i, , drop = FALSE]))
nodes$Industry <- lapply(seq_len(nrow(bottom)), function(i) bottom[i, ])
h <- 24
mase <- function(y) {
  n <- length(y)
  train <- y[1:(n - h)]
  test <- y[(n - h + 1):n]
  f <- forecast(ets(ts(train, frequency = 12)), h = h)$mean
  scale <- mean(abs(diff(train, lag = 12)))
  mean(abs(test - f)) / scale
}
for (level in names(nodes)) {
  m <- sapply(nodes[[level]], mase)
  cat(sprintf("%s: %d nodes, ets MASE %.4f\n", level, length(m), mean(m[is.finite(m)])))
}
