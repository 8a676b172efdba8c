# Reference forecasts of R's forecast package for an M-competition long CSV (series,period,type,split,t,value):
# ets, auto.arima, thetaf and the mean of the three, on each series' train rows, over its test rows. Prints the
# sMAPE (the M3 definition, in percent) of each, and ets's 95% interval coverage, overall and per frequency, and
# writes one line per series to the optional second argument.
#   Rscript tools/datasets/mcompetition_r_reference.R tourism.csv [per-series.csv]
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
freq <- c(YEARLY = 1, QUARTERLY = 4, MONTHLY = 12, WEEKLY = 52, DAILY = 7, OTHER = 1)
smape <- function(a, f) mean(200 * abs(a - f) / (abs(a) + abs(f)))
rows <- lapply(split(d, d$series), function(s) {
  s <- s[order(s$t), ]
  m <- freq[[toupper(s$period[1])]]
  y <- ts(s$value[s$split == "train"], frequency = m)
  a <- s$value[s$split == "test"]
  h <- length(a)
  fe <- forecast(ets(y), h = h, level = 95)
  fa <- forecast(auto.arima(y), h = h)$mean
  ft <- thetaf(y, h = h)$mean
  comb <- (fe$mean + fa + ft) / 3
  data.frame(series = s$series[1], period = s$period[1], ets = smape(a, fe$mean), arima = smape(a, fa),
             theta = smape(a, ft), comb = smape(a, comb),
             cover = mean(a >= fe$lower[, 1] & a <= fe$upper[, 1]), h = h)
})
r <- do.call(rbind, rows)
if (length(args) > 1) write.csv(r, args[2], row.names = FALSE)
show <- function(label, x) {
  cat(sprintf("%s (%d series): ets %.2f, auto.arima %.2f, thetaf %.2f, mean of three %.2f; ets 95%% coverage %.3f\n",
              label, nrow(x), mean(x$ets), mean(x$arima), mean(x$theta), mean(x$comb), sum(x$cover * x$h) / sum(x$h)))
}
show("all", r)
for (p in unique(r$period)) show(p, r[r$period == p, ])
