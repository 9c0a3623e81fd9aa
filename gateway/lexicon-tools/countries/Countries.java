import java.util.Locale;
import java.util.TreeSet;

/**
 * Prints the names of the world's countries in English, Russian and Kazakh, lower case, one a line, from the Unicode
 * CLDR data the JDK ships (module jdk.localedata): {@code java Countries.java > countries.txt}. Names of more than one
 * word are left out: the detector reads one word at a time there.
 */
public class Countries {
    public static void main(String[] args) {
        TreeSet<String> names = new TreeSet<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            for (Locale language : new Locale[] {Locale.ENGLISH, new Locale("ru"), new Locale("kk")}) {
                String name = country.getDisplayCountry(language).toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && name.chars().allMatch(Character::isLetter) && !name.equals(code.toLowerCase(Locale.ROOT))) {
                    names.add(name);
                }
            }
        }
        names.forEach(System.out::println);
    }
}
