package org.shequn.search;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Loads the word dictionary ({@link Lexicon}), jieba's model and the traditional-character table while the node
 * starts, before it takes requests. Loaded lazily instead, the first indexing or search would do it inside a class initializer on a
 * virtual thread, holding its carrier thread for seconds and stalling every other request on a small machine.
 * The load (about a second) starts on a thread of its own as soon as the application starts, beside the
 * single-threaded building of the context, and the node waits for it only once every bean is built.
 */
@Component
class TokenizerWarmUp implements SmartInitializingSingleton {

    private static Thread loading;

    /** Registered in {@code META-INF/spring.factories}, so it runs before the context exists. */
    static final class Start implements ApplicationListener<ApplicationStartingEvent> {
        @Override
        public void onApplicationEvent(ApplicationStartingEvent event) {
            start();
        }
    }

    private static synchronized Thread start() {
        if (loading == null) {
            loading = Thread.ofPlatform().daemon().name("tokenizer-warm-up").start(() -> ChineseTokenizer.terms("社群運營"));
        }
        return loading;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            start().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // on this thread too: should the load have failed, the node fails to start, as it did when it loaded here
        ChineseTokenizer.terms("社群運營");
    }
}
