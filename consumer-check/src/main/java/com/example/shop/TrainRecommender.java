package com.example.shop;

import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.RecommendTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A training job: trains a small session recommender with the sequence model and saves it as a bundle. */
public final class TrainRecommender {

    static final int ITEMS = 30;

    private TrainRecommender() {
    }

    /**
     * Sessions that walk the catalogue in order (sku-i is mostly followed by sku-(i+1)), so the trained model has
     * something to learn.
     *
     * @param sessions how many sessions
     * @param seed the seed
     * @return the views
     */
    static List<Interaction> sessions(int sessions, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Interaction> events = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            int item = rnd.nextInt(ITEMS);
            int length = 3 + rnd.nextInt(5);
            for (int t = 0; t < length; t++) {
                events.add(Interaction.view("s" + s, "sku-" + item, 1_700_000_000.0 + s * 100.0 + t));
                item = rnd.nextInt(10) < 8 ? (item + 1) % ITEMS : rnd.nextInt(ITEMS);
            }
        }
        return events;
    }

    /**
     * @param args the directory to save the model bundle in
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        RecommendTrainer trainer = RecommendTrainer.builder().hidden(16).batch(32).epochs(2).seed(7L).build();
        RecommendModel model = trainer.train(sessions(400, 11));
        model.toBundle("shop-recs", model.version()).saveTo(dir);
        System.out.println("trained recommender " + model.version() + " (sequence model: " + model.hasSequenceModel()
                + ", " + model.itemCount() + " items) saved to " + dir.getFileName());
    }
}
