package org.arr.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Switches autograd recording off for the calling thread. PyTorch keeps its gradient mode per thread and DJL
 * only turns it off on the thread that loads the engine, so inference and optimizer updates on any other
 * thread would otherwise record graphs (and in-place parameter updates would fail).
 */
public final class Autograd {

    private Autograd() {
    }

    /** Turns gradient recording off on this thread; a {@code GradientCollector} turns it on for its scope. */
    public static void disable() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
