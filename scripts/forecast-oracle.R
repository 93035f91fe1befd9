# Reference ("oracle") forecasts from R's forecast package for the accuracy benchmark: automatic
# ets(), auto.arima() and thetaf() from three origins per series (36, 24 and 12 months before the
# end, 12 months ahead), with the series themselves.
# Run: Rscript scripts/forecast-oracle.R > resources/forecast-benchmark/series.json
#      Rscript scripts/forecast-oracle.R resources/forecast-benchmark/us-unemployment-input.json \
#        > resources/forecast-benchmark/us-unemployment.json
# The second form reads a JSON array of {name, start "YYYY-MM", values} (monthly series).
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) == 0) {
  series <- list(
    AirPassengers = AirPassengers, co2 = co2, nottem = nottem, UKDriverDeaths = UKDriverDeaths,
    ldeaths = ldeaths, mdeaths = mdeaths, fdeaths = fdeaths, USAccDeaths = USAccDeaths,
    DriversKilled = Seatbelts[, "DriversKilled"], SeatbeltsFront = Seatbelts[, "front"],
    SeatbeltsRear = Seatbelts[, "rear"], SeatbeltsKms = Seatbelts[, "kms"], VanKilled = Seatbelts[, "VanKilled"],
    gas = gas, wineind = wineind
  )
} else {
  input <- jsonlite::fromJSON(args[1], simplifyVector = FALSE)
  series <- list()
  for (s in input) {
    start <- as.integer(strsplit(s$start, "-")[[1]])
    series[[s$name]] <- ts(unlist(s$values), start = start, frequency = 12)
  }
}
h <- 12
pack <- function(f, model, o) {
  list(origin = o, model = model, point = as.numeric(f$mean),
       lo80 = as.numeric(f$lower[, 1]), hi80 = as.numeric(f$upper[, 1]),
       lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))
}
out <- lapply(names(series), function(nm) {
  x <- series[[nm]]
  n <- length(x)
  runs <- lapply(c(n - 36, n - 24, n - 12), function(o) {
    train <- ts(x[1:o], start = start(x), frequency = 12)
    fit <- ets(train)
    arima <- auto.arima(train)
    list(
      ets = pack(forecast(fit, h = h, level = c(80, 95)), fit$method, o),
      arima = pack(forecast(arima, h = h, level = c(80, 95)), paste(arima), o),
      theta = pack(thetaf(train, h = h, level = c(80, 95)), "Theta", o)
    )
  })
  list(name = nm, start = sprintf("%d-%02d", start(x)[1], start(x)[2]), values = as.numeric(x),
       r_ets = lapply(runs, function(r) r$ets), r_arima = lapply(runs, function(r) r$arima),
       r_theta = lapply(runs, function(r) r$theta))
})
cat(jsonlite::toJSON(out, auto_unbox = TRUE, digits = 8))
