#include "../../../zint/backend/general_field.h"
