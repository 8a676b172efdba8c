package io.retailgen.imagegen;

/** Gaussian feature statistics and the Frechet distance between two of them (symmetric Jacobi eigensolver). */
final class Frechet {
    private Frechet() {
    }

    /** Mean and covariance (divided by n - 1) of {@code n} rows of {@code d} features. */
    record Stats(double[] mean, double[][] cov, int n) {
    }

    static Stats stats(float[] rows, int n, int d) {
        if (n < 2 || rows.length != n * d) {
            throw new IllegalArgumentException("need at least 2 rows of " + d + " features, got " + rows.length
                    + " values for " + n + " rows");
        }
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                mean[j] += rows[r * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                c[j] = rows[r * d + j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = c[a];
                if (ca == 0) {
                    continue;
                }
                double[] row = cov[a];
                for (int b = a; b < d; b++) {
                    row[b] += ca * c[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n - 1;
                cov[b][a] = cov[a][b];
            }
        }
        return new Stats(mean, cov, n);
    }

    /** {@code |m1 - m2|^2 + tr(C1) + tr(C2) - 2 tr((C1^1/2 C2 C1^1/2)^1/2)}. */
    static double distance(Stats a, Stats b) {
        int d = a.mean().length;
        if (b.mean().length != d) {
            throw new IllegalArgumentException("feature dimensions differ: " + d + " vs " + b.mean().length);
        }
        double meanTerm = 0;
        for (int j = 0; j < d; j++) {
            double t = a.mean()[j] - b.mean()[j];
            meanTerm += t * t;
        }
        double trA = 0;
        double trB = 0;
        for (int j = 0; j < d; j++) {
            trA += a.cov()[j][j];
            trB += b.cov()[j][j];
        }
        double[][] sqrtA = sqrtPsd(a.cov());
        double[][] m = multiply(multiply(sqrtA, b.cov()), sqrtA);
        symmetrize(m);
        double[] ev = eigenvalues(m);
        double trSqrt = 0;
        for (double v : ev) {
            trSqrt += Math.sqrt(Math.max(v, 0));
        }
        return Math.max(0, meanTerm + trA + trB - 2 * trSqrt);
    }

    static double[][] sqrtPsd(double[][] s) {
        int d = s.length;
        double[][] a = copy(s);
        double[][] v = identity(d);
        jacobi(a, v);
        double[][] out = new double[d][d];
        for (int k = 0; k < d; k++) {
            double r = Math.sqrt(Math.max(a[k][k], 0));
            if (r == 0) {
                continue;
            }
            for (int i = 0; i < d; i++) {
                double vik = v[i][k] * r;
                for (int j = 0; j < d; j++) {
                    out[i][j] += vik * v[j][k];
                }
            }
        }
        return out;
    }

    static double[] eigenvalues(double[][] s) {
        double[][] a = copy(s);
        jacobi(a, null);
        double[] ev = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ev[i] = a[i][i];
        }
        return ev;
    }

    /** Cyclic Jacobi: diagonalises {@code a} in place; accumulates eigenvectors in {@code v} when not null. */
    static void jacobi(double[][] a, double[][] v) {
        int n = a.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-22 * Math.max(diag, 1e-300)) {
                return;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    if (v != null) {
                        for (int k = 0; k < n; k++) {
                            double vkp = v[k][p];
                            double vkq = v[k][q];
                            v[k][p] = c * vkp - s * vkq;
                            v[k][q] = s * vkp + c * vkq;
                        }
                    }
                }
            }
        }
    }

    static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        int m = y[0].length;
        int k = y.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double xil = x[i][l];
                if (xil == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    out[i][j] += xil * y[l][j];
                }
            }
        }
        return out;
    }

    private static void symmetrize(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                double avg = (m[i][j] + m[j][i]) / 2;
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
    }

    private static double[][] copy(double[][] s) {
        double[][] a = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            a[i] = s[i].clone();
        }
        return a;
    }

    private static double[][] identity(int d) {
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            v[i][i] = 1;
        }
        return v;
    }
}
