package io.retailgen.forecast;

/** Small dense linear algebra for reconciliation. */
final class Linear {

    private Linear() {
    }

    /** Lower Cholesky factor; a tiny ridge is added when the matrix is not numerically positive definite. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(a[i][i]));
        }
        double ridge = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            double[][] l = new double[n][n];
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i][j] + (i == j ? ridge : 0);
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        if (s <= 0) {
                            ok = false;
                            break;
                        }
                        l[i][i] = Math.sqrt(s);
                    } else {
                        l[i][j] = s / l[j][j];
                    }
                }
            }
            if (ok) {
                return l;
            }
            ridge = ridge == 0 ? 1e-10 * Math.max(maxDiag, 1e-300) : ridge * 10;
        }
        throw new IllegalStateException("matrix is not positive definite even with a ridge of " + ridge);
    }

    /** Solves {@code L L' x = b}. */
    static double[] solveCholesky(double[][] l, double[] b) {
        int n = l.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
