-- wrk script: every request a different-looking analyst query over bench/make_serve_db.sh's data
-- (one of 30 actors, one of 10 years, one of two endpoints), so that both computed and cached
-- answers are measured the way a dashboard in use produces them.
--   wrk -t2 -c16 -d20s --latency -s bench/serve_filters.lua http://127.0.0.1:18777
local actors = {"BRA", "POL", "PER", "JPN", "FRA", "FIN", "HUN", "KEN", "NOR", "CHN", "DNK", "AUT", "ESP", "ROU",
                "AUS", "SWE", "NGA", "ITA", "ARG", "PRT", "CAN", "GRC", "IND", "MEX", "RUS", "IRL", "EGY", "BGR",
                "CHL", "BEL"}
local endpoints = {"/api/events", "/api/timeline"}
math.randomseed(os.time())

request = function()
  local year = 2015 + math.random(0, 9)
  local path = string.format("%s?actor=%s&from=%d-01-01&to=%d-12-31", endpoints[math.random(#endpoints)],
                             actors[math.random(#actors)], year, year)
  return wrk.format("GET", path)
end
