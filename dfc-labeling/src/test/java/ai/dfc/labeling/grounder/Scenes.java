package ai.dfc.labeling.grounder;

import ai.dfc.api.geometry.Box;
import ai.dfc.api.grounder.GroundingQuery;
import ai.dfc.api.image.ImageSize;
import ai.dfc.api.image.Mask;
import ai.dfc.api.image.RgbImage;
import ai.dfc.api.taxonomy.ObjectCategory;
import ai.dfc.api.taxonomy.PartDescription;
import ai.dfc.api.taxonomy.PartName;

/** Synthetic grounding scenes: a grey rectangular object on black with a rectangular part of known extent. */
final class Scenes {
    static final ObjectCategory CATEGORY = ObjectCategory.of("mug");
    static final PartDescription RIM = new PartDescription(PartName.of("rim"), "- Rim - The upper circular edge of the mug.");

    private Scenes() {
    }

    /**
     * An image of {@code size} with the object filling {@code object} (inclusive pixel box) in grey and the part
     * {@code part} (inclusive pixel box) in a lighter grey.
     */
    static RgbImage image(ImageSize size, int[] object, int[] part) {
        byte[] rgb = new byte[3 * size.area()];
        for (int row = 0; row < size.height(); row++) {
            for (int col = 0; col < size.width(); col++) {
                int v = inside(part, row, col) ? 200 : inside(object, row, col) ? 90 : 0;
                for (int c = 0; c < 3; c++) {
                    rgb[3 * (row * size.width() + col) + c] = (byte) v;
                }
            }
        }
        return new RgbImage(size, rgb);
    }

    /** The mask of an inclusive pixel box {@code {minCol, minRow, maxCol, maxRow}}. */
    static Mask mask(ImageSize size, int[] box) {
        boolean[] bits = new boolean[size.area()];
        for (int row = 0; row < size.height(); row++) {
            for (int col = 0; col < size.width(); col++) {
                bits[row * size.width() + col] = inside(box, row, col);
            }
        }
        return Mask.fromBooleans(size, bits);
    }

    /** A query on a fresh image of the scene with its truth mask. */
    static GroundingQuery query(ImageSize size, int[] object, int[] part, int sample) {
        return new GroundingQuery(image(size, object, part), CATEGORY, RIM, sample, mask(size, part));
    }

    /** IoU of two inclusive pixel boxes, counting pixels. */
    static double iou(Box a, int[] b) {
        double ix = Math.min(a.x1(), b[2]) - Math.max(a.x0(), b[0]) + 1;
        double iy = Math.min(a.y1(), b[3]) - Math.max(a.y0(), b[1]) + 1;
        double inter = ix > 0 && iy > 0 ? ix * iy : 0;
        double areaA = (a.x1() - a.x0() + 1) * (a.y1() - a.y0() + 1);
        double areaB = (double) (b[2] - b[0] + 1) * (b[3] - b[1] + 1);
        return inter / (areaA + areaB - inter);
    }

    static boolean inside(int[] box, int row, int col) {
        return box[0] <= col && col <= box[2] && box[1] <= row && row <= box[3];
    }
}
