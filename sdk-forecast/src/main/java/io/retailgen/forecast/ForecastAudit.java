package io.retailgen.forecast;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Passes the output of one public forecast call through the interceptors as one request. */
final class ForecastAudit {

    /** The most series a summary lists one by one; the rest are counted. */
    static final int SUMMARY_SERIES = 50;

    private final InterceptorChain chain;
    private final ForecasterBase forecaster;

    ForecastAudit(InterceptorChain chain, ForecasterBase forecaster) {
        this.chain = chain;
        this.forecaster = forecaster;
    }

    /**
     * @throws RetailGenException when an interceptor blocks the output
     */
    void pass(String operation, List<Forecast> forecasts, int horizon) {
        if (chain.size() == 0) {
            return;
        }
        GenerationRequest request = GenerationRequest.builder().module(Forecaster.MODULE).operation(operation)
                .text(summary(forecasts, horizon))
                .attribute("series", Integer.toString(forecasts.size()))
                .attribute("horizon", Integer.toString(horizon))
                .attribute("paths", Integer.toString(forecaster.paths()))
                .attribute("method", forecaster.method().name().toLowerCase(Locale.ROOT))
                .model(forecaster.modelName(), forecaster.modelVersion()).build();
        GenerationResponse response = chain.execute(request, r -> GenerationResponse.allow(r.text()));
        if (response.blocked()) {
            String rules = response.findings().stream().map(Finding::ruleId).distinct()
                    .collect(Collectors.joining(", "));
            throw new RetailGenException(ErrorCode.GENERATION_BLOCKED, "the interceptors blocked " + operation + " of "
                    + forecasts.size() + " series (request " + request.requestId() + ")"
                    + (rules.isEmpty() ? "" : ": rules " + rules));
        }
    }

    /**
     * One line per series: {@code id model h=12 total=1234 p10..p90=1100..1380}, the total being the mean's sum over
     * the horizon and the interval that of the paths' totals.
     */
    static String summary(List<Forecast> forecasts, int horizon) {
        StringBuilder sb = new StringBuilder();
        int listed = Math.min(SUMMARY_SERIES, forecasts.size());
        for (int i = 0; i < listed; i++) {
            Forecast f = forecasts.get(i);
            double[] totals = f.scenarios().totals(0, f.horizon());
            Arrays.sort(totals);
            sb.append(f.seriesId()).append(' ').append(f.model()).append(" h=").append(horizon)
                    .append(" total=").append(number(Arrays.stream(f.mean()).sum()))
                    .append(" p10..p90=").append(number(at(totals, 0.1))).append("..")
                    .append(number(at(totals, 0.9))).append('\n');
        }
        if (forecasts.size() > listed) {
            sb.append("... and ").append(forecasts.size() - listed).append(" more series\n");
        }
        return sb.toString().strip();
    }

    private static double at(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN
                : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
