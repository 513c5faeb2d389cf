package dev.mimg.bed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that needs the test bed (bed/up: engines, registries, fixtures): {@code mvn test} leaves it
 * out, {@code mvn verify} (bed/test) runs it, failing, never skipping, when the bed is not up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("bed")
public @interface BedTest {
}
