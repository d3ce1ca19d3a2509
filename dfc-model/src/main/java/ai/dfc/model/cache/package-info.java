/**
 * The frozen-feature cache: tokens of a frozen image encoder computed once per image and kept on disk as float16, so
 * training epochs and evaluation never run the encoder again.
 *
 * <pre>
 * &lt;cache root&gt;/                                    e.g. run.cache_dir/features (dfc features)
 *   &lt;encoder&gt;-&lt;16 hex&gt;/                            one {@link ai.dfc.model.cache.FeatureStore} per {@link ai.dfc.model.cache.StoreKey}
 *     store.json                                   the full key and its inputs (encoder, settings, weights hashes, spec)
 *     entries/&lt;ab&gt;/&lt;64 hex&gt;.npy                    one per {@link ai.dfc.model.cache.ImageKey}: float16 (L, h, w, C)
 * </pre>
 *
 * {@link ai.dfc.model.cache.FeatureCache} is the entry point: {@code tokens(image)} and {@code fill(images, batch,
 * listener)}.
 */
package ai.dfc.model.cache;
