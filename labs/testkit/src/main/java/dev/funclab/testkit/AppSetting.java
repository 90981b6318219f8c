package dev.funclab.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An app setting for the host of a {@link FunctionsHostTest} class, over what the lab's
 * {@code local.settings.json} says (the environment wins, as in Azure). For example, a class that
 * looks at what one function writes to a queue can keep the next function from taking it:
 * {@code @AppSetting(name = "AzureWebJobs.synthesizeSpeech.Disabled", value = "true")}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(AppSetting.List.class)
public @interface AppSetting {

    String name();

    String value();

    /** Several settings on one class. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        AppSetting[] value();
    }
}
