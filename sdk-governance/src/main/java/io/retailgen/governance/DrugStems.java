package io.retailgen.governance;

import java.util.List;

/**
 * Medicine names recognised by their nonproprietary stem, so that a drug too new for WordNet ({@code semaglutide},
 * {@code tirzepatide}) is still a medicine: the stems are those of the USAN Council's list of stems (United
 * States Adopted Names; the same stems as the WHO's INN), for classes that health claims in product copy point at:
 * GLP-1 analogues ({@code -glutide}), SGLT2 and DPP-4 inhibitors ({@code -gliflozin}, {@code -gliptin}), biguanides
 * ({@code -formin}), statins ({@code -vastatin}), proton-pump inhibitors ({@code -prazole}), sartans, beta blockers
 * ({@code -olol}), ACE inhibitors ({@code -pril}), monoclonal antibodies ({@code -mab}), kinase inhibitors
 * ({@code -tinib}), antibiotics ({@code -cycline}, {@code -mycin}, {@code -floxacin}, {@code -cillin}), antivirals
 * ({@code -vir}), antifungals ({@code -conazole}), SSRIs ({@code -oxetine}), benzodiazepines ({@code -azepam}),
 * H2 blockers ({@code -tidine}), calcium-channel blockers ({@code -dipine}), NSAIDs ({@code -profen},
 * {@code -coxib}), triptans, setrons, leukotriene antagonists ({@code -lukast}), heparins ({@code -parin}),
 * bisphosphonates ({@code -dronate}) and peptides ({@code -tide}: {@code tirzepatide}). A word is such a name when it ends in a stem, has at least three letters before
 * it and is not an English word (so {@code cholesterol} or {@code April} never are).
 */
final class DrugStems {

    private static final List<String> STEMS = List.of("glutide", "gliflozin", "gliptin", "formin", "vastatin",
            "prazole", "sartan", "olol", "pril", "mab", "tinib", "cycline", "mycin", "floxacin", "cillin", "vir",
            "conazole", "oxetine", "azepam", "tidine", "dipine", "profen", "coxib", "triptan", "setron", "lukast",
            "parin", "dronate", "tide");

    private DrugStems() {
    }

    /**
     * @param word a word in lower case
     * @return true when {@code word} (or its plural) is a medicine named by a nonproprietary stem
     */
    static boolean isDrug(String word) {
        String w = word.endsWith("s") && word.length() > 4 ? word.substring(0, word.length() - 1) : word;
        for (String stem : STEMS) {
            if (w.length() >= stem.length() + 3 && w.endsWith(stem)) {
                for (int i = 0; i < w.length(); i++) {
                    if (w.charAt(i) < 'a' || w.charAt(i) > 'z') {
                        return false;
                    }
                }
                return !EnglishWords.contains(w) && !EnglishWords.contains(word);
            }
        }
        return false;
    }
}
