package io.retailgen.forecast;

/** Bounded-by-penalty Nelder-Mead simplex minimiser; one instance per thread, reused across fits. */
final class NelderMead {

    /** The function to minimise; returns a large value outside the feasible region. */
    interface Objective {
        double value(double[] x);
    }

    private final int maxDim;
    private final double[][] simplex;
    private final double[] fx;
    private final double[] centroid;
    private final double[] trial;
    private final double[] trial2;
    int evaluations;

    NelderMead(int maxDim) {
        this.maxDim = maxDim;
        simplex = new double[maxDim + 1][maxDim];
        fx = new double[maxDim + 1];
        centroid = new double[maxDim];
        trial = new double[maxDim];
        trial2 = new double[maxDim];
    }

    /**
     * Minimises {@code f} from {@code x}, overwriting {@code x} with the best point found.
     *
     * @return the best value
     */
    double minimize(Objective f, double[] x, double[] step, int dim, int maxEval, double relTol) {
        if (dim > maxDim) {
            throw new IllegalArgumentException("dimension " + dim + " > " + maxDim);
        }
        evaluations = 0;
        double[] point = new double[dim];
        for (int i = 0; i <= dim; i++) {
            System.arraycopy(x, 0, simplex[i], 0, dim);
            if (i > 0) {
                simplex[i][i - 1] += step[i - 1];
            }
            System.arraycopy(simplex[i], 0, point, 0, dim);
            fx[i] = f.value(point);
            evaluations++;
        }
        while (evaluations < maxEval) {
            int best = 0;
            int worst = 0;
            int second = 0;
            for (int i = 1; i <= dim; i++) {
                if (fx[i] < fx[best]) {
                    best = i;
                }
                if (fx[i] > fx[worst]) {
                    worst = i;
                }
            }
            second = best;
            for (int i = 0; i <= dim; i++) {
                if (i != worst && fx[i] > fx[second]) {
                    second = i;
                }
            }
            if (Math.abs(fx[worst] - fx[best]) <= relTol * (Math.abs(fx[best]) + 1e-10)) {
                break;
            }
            for (int j = 0; j < dim; j++) {
                double s = 0;
                for (int i = 0; i <= dim; i++) {
                    if (i != worst) {
                        s += simplex[i][j];
                    }
                }
                centroid[j] = s / dim;
            }
            for (int j = 0; j < dim; j++) {
                trial[j] = centroid[j] + (centroid[j] - simplex[worst][j]);
            }
            double fr = eval(f, trial, point, dim);
            if (fr < fx[best]) {
                for (int j = 0; j < dim; j++) {
                    trial2[j] = centroid[j] + 2 * (centroid[j] - simplex[worst][j]);
                }
                double fe = eval(f, trial2, point, dim);
                if (fe < fr) {
                    System.arraycopy(trial2, 0, simplex[worst], 0, dim);
                    fx[worst] = fe;
                } else {
                    System.arraycopy(trial, 0, simplex[worst], 0, dim);
                    fx[worst] = fr;
                }
            } else if (fr < fx[second]) {
                System.arraycopy(trial, 0, simplex[worst], 0, dim);
                fx[worst] = fr;
            } else {
                boolean outside = fr < fx[worst];
                for (int j = 0; j < dim; j++) {
                    trial2[j] = outside ? centroid[j] + 0.5 * (trial[j] - centroid[j])
                            : centroid[j] + 0.5 * (simplex[worst][j] - centroid[j]);
                }
                double fc = eval(f, trial2, point, dim);
                if (fc < Math.min(fr, fx[worst])) {
                    System.arraycopy(trial2, 0, simplex[worst], 0, dim);
                    fx[worst] = fc;
                } else {
                    for (int i = 0; i <= dim; i++) {
                        if (i != best) {
                            for (int j = 0; j < dim; j++) {
                                simplex[i][j] = simplex[best][j] + 0.5 * (simplex[i][j] - simplex[best][j]);
                            }
                            fx[i] = eval(f, simplex[i], point, dim);
                        }
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= dim; i++) {
            if (fx[i] < fx[best]) {
                best = i;
            }
        }
        System.arraycopy(simplex[best], 0, x, 0, dim);
        return fx[best];
    }

    private double eval(NelderMead.Objective f, double[] x, double[] point, int dim) {
        System.arraycopy(x, 0, point, 0, dim);
        evaluations++;
        double v = f.value(point);
        return Double.isNaN(v) ? Double.MAX_VALUE : v;
    }
}
