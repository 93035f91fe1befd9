# Exports the public seasonal monthly series shipped for the accuracy benchmark, and R forecast
# package's automatic ets() forecasts from three origins as the reference ("oracle") figures.
# Run: Rscript scripts/forecast-oracle.R > resources/forecast-benchmark/series.json
suppressMessages(library(forecast))
series <- list(
  AirPassengers = AirPassengers, co2 = co2, nottem = nottem, UKDriverDeaths = UKDriverDeaths,
  ldeaths = ldeaths, mdeaths = mdeaths, fdeaths = fdeaths, USAccDeaths = USAccDeaths,
  DriversKilled = Seatbelts[, "DriversKilled"], SeatbeltsFront = Seatbelts[, "front"],
  SeatbeltsRear = Seatbelts[, "rear"], SeatbeltsKms = Seatbelts[, "kms"], VanKilled = Seatbelts[, "VanKilled"],
  gas = gas, wineind = wineind
)
h <- 12
out <- lapply(names(series), function(nm) {
  x <- series[[nm]]
  n <- length(x)
  origins <- lapply(c(n - 36, n - 24, n - 12), function(o) {
    train <- ts(x[1:o], start = start(x), frequency = 12)
    fit <- ets(train)
    f <- forecast(fit, h = h, level = c(80, 95))
    list(origin = o, model = fit$method, point = as.numeric(f$mean),
         lo80 = as.numeric(f$lower[, 1]), hi80 = as.numeric(f$upper[, 1]),
         lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))
  })
  list(name = nm, start = sprintf("%d-%02d", start(x)[1], start(x)[2]), values = as.numeric(x), r_ets = origins)
})
cat(jsonlite::toJSON(out, auto_unbox = TRUE, digits = 8))
