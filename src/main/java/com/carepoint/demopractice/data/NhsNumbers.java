package com.carepoint.demopractice.data;

/**
 * The demo services' own NHS number check (modulus 11). Deliberately independent of Carepoint's: the demo practices
 * and national services stand in for separate systems and must catch a consumer that sends a bad number.
 */
public final class NhsNumbers {

    private NhsNumbers() {
    }

    public static boolean valid(String value) {
        if (value == null || !value.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (value.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == value.charAt(9) - '0';
    }
}
