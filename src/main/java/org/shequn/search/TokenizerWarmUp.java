package org.shequn.search;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads jieba's dictionary and the traditional-character table while the node starts, before it takes
 * requests. Loaded lazily instead, the first indexing or search would do it inside a class initializer on a
 * virtual thread, holding its carrier thread for seconds and stalling every other request on a small machine.
 */
@Component
class TokenizerWarmUp implements SmartInitializingSingleton {

    @Override
    public void afterSingletonsInstantiated() {
        ChineseTokenizer.terms("社群運營");
    }
}
