package com.spurlab.inference.train;

import java.util.Arrays;

/**
 * Per-sample weights of a batch's losses; the step minimises sum(w_i * loss_i). This is where ERM
 * and GroupDRO differ (REWEIGHT and JTT change what is sampled, DFR what is retrained).
 */
interface LossWeighting {

    /**
     * @param batch  training-set indices of the batch
     * @param losses the batch's per-sample losses (values only, not part of the gradient)
     */
    float[] weights(int[] batch, float[] losses);

    /** State to checkpoint (GroupDRO's group weights); empty when stateless. */
    default double[] state() {
        return new double[0];
    }

    default void restore(double[] state) {
    }

    /** Plain mean: w_i = 1 / B. */
    static LossWeighting mean() {
        return (batch, losses) -> {
            float[] w = new float[batch.length];
            Arrays.fill(w, 1f / batch.length);
            return w;
        };
    }

    /** Online GroupDRO (Sagawa et al. 2020, algorithm 1). */
    static LossWeighting groupDro(GroupIndex groups, double eta) {
        return new GroupDro(groups, eta);
    }

    /**
     * q_g <- q_g * exp(eta * mean loss of g in the batch), renormalised; the objective is
     * sum_g q_g * (mean loss of g in the batch), i.e. w_i = q_g(i) / (batch count of g(i)).
     * Groups absent from a batch keep their weight and contribute nothing this step.
     */
    final class GroupDro implements LossWeighting {
        private final GroupIndex groups;
        private final double eta;
        private double[] q;

        GroupDro(GroupIndex groups, double eta) {
            this.groups = groups;
            this.eta = eta;
            this.q = new double[groups.groups()];
            Arrays.fill(q, 1.0 / q.length);
        }

        @Override
        public float[] weights(int[] batch, float[] losses) {
            int[] count = new int[q.length];
            double[] sum = new double[q.length];
            for (int i = 0; i < batch.length; i++) {
                int g = groups.groupOf()[batch[i]];
                count[g]++;
                sum[g] += losses[i];
            }
            double total = 0;
            for (int g = 0; g < q.length; g++) {
                if (count[g] > 0) {
                    q[g] *= Math.exp(eta * sum[g] / count[g]);
                }
                total += q[g];
            }
            for (int g = 0; g < q.length; g++) {
                q[g] /= total;
            }
            float[] w = new float[batch.length];
            for (int i = 0; i < batch.length; i++) {
                int g = groups.groupOf()[batch[i]];
                w[i] = (float) (q[g] / count[g]);
            }
            return w;
        }

        @Override
        public double[] state() {
            return q.clone();
        }

        @Override
        public void restore(double[] state) {
            if (state.length == q.length) {
                q = state.clone();
            }
        }
    }
}
