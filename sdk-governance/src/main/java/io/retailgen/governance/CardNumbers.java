package io.retailgen.governance;

/**
 * Whether a Luhn-valid digit run can be a payment card number, from what ISO/IEC 7812 and the card schemes fix
 * about its first digits and its length, before a text is redacted for it. Barcodes and SIM serials pass the Luhn
 * check often enough (one in ten GTINs does) to need this:
 *
 * <ul>
 *   <li>no card number starts with {@code 0} (zero-padded UPC and GTIN-14 barcodes do), and {@code 89} is the
 *       telecommunications prefix of SIM card serials (ICCID), not of a payment card;</li>
 *   <li>13 digits are Visa's old length only (first digit {@code 4}), 14 digits Diners Club's ({@code 3}), 15
 *       digits American Express ({@code 34}, {@code 37}), UATP ({@code 1}) and enRoute ({@code 2014},
 *       {@code 2149}); 16 to 19 digits are the length of every scheme;</li>
 *   <li>a run of 13 or 14 digits whose last digit is also a valid GTIN check digit (EAN-13, ISBN-13, GTIN-14) is
 *       read as the barcode it is shaped like, unless a card word stands before it ("card", "visa").</li>
 * </ul>
 */
final class CardNumbers {

    private CardNumbers() {
    }

    /**
     * @param c the chars
     * @param from the start of the run (digits, spaces and dashes)
     * @param to its end
     * @param cardWord whether a word before the run names a payment card
     * @return false when the run cannot be, or reads as something other than, a card number
     */
    static boolean plausible(char[] c, int from, int to, boolean cardWord) {
        int[] d = new int[19];
        int n = 0;
        for (int k = from; k < to && n < d.length; k++) {
            if (c[k] >= '0' && c[k] <= '9') {
                d[n++] = c[k] - '0';
            }
        }
        if (n < 13 || d[0] == 0 || (d[0] == 8 && d[1] == 9)) {
            return false;
        }
        int two = d[0] * 10 + d[1];
        int four = two * 100 + d[2] * 10 + d[3];
        boolean issuer = switch (n) {
            case 13 -> d[0] == 4;
            case 14 -> d[0] == 3;
            case 15 -> d[0] == 1 || two == 34 || two == 37 || four == 2014 || four == 2149;
            default -> true;
        };
        return issuer && (cardWord || n > 14 || !gtin(d, n));
    }

    /**
     * @param d digits
     * @param n how many
     * @return true when the last digit is the GS1 check digit of the others (weights 3 and 1 from the right)
     */
    static boolean gtin(int[] d, int n) {
        int sum = 0;
        for (int k = n - 2, w = 3; k >= 0; k--, w = 4 - w) {
            sum += d[k] * w;
        }
        return (10 - sum % 10) % 10 == d[n - 1];
    }
}
